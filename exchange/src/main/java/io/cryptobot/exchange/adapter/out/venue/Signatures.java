package io.cryptobot.exchange.adapter.out.venue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 request signatures as venues define them; the secret is used here and never kept or printed. */
public final class Signatures {
    private Signatures() {
    }

    /** Binance: lower-case hex of HMAC-SHA256(secret, query string + body). */
    public static String hmacSha256Hex(String secret, String payload) {
        return HexFormat.of().formatHex(mac(secret, payload));
    }

    /** OKX: Base64 of HMAC-SHA256(secret, timestamp + method + requestPath + body). */
    public static String hmacSha256Base64(String secret, String payload) {
        return Base64.getEncoder().encodeToString(mac(secret, payload));
    }

    private static byte[] mac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JDK; the message must not carry the key
            throw new IllegalStateException("HmacSHA256 unavailable");
        }
    }
}
