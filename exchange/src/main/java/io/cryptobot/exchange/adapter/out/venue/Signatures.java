package io.cryptobot.exchange.adapter.out.venue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 request signatures as venues define them; the secret is used here and never printed. The one-shot
 * functions keep nothing; {@link HmacSha256} keeps a {@link Mac} initialised with one secret (the key schedule done
 * once) for an adapter that signs every request of one account.
 */
public final class Signatures {
    private Signatures() {
    }

    /**
     * One account's signer: a {@link Mac} initialised once with the secret, so a signature costs the digest only,
     * not the provider's look-up and the key's set-up (docs/benchmarks.md, "closed candle to order on the wire").
     * Shared by the adapter's threads: each signature holds the {@code Mac} for the digest (microseconds, no I/O).
     * Holds the key as the adapter holding the credentials already does; prints nothing of it.
     */
    public static final class HmacSha256 {
        private final Mac mac;

        public HmacSha256(String secret) {
            this.mac = init(secret);
        }

        /** Lower-case hex of HMAC-SHA256(secret, payload): Binance's {@code signature}. */
        public String hex(String payload) {
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            byte[] digest;
            synchronized (mac) {
                digest = mac.doFinal(bytes);
            }
            return HexFormat.of().formatHex(digest);
        }

        @Override
        public String toString() {
            return "HmacSha256[secret hidden]";
        }
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
        return init(secret).doFinal(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac init(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JDK; the message must not carry the key
            throw new IllegalStateException("HmacSHA256 unavailable");
        }
    }
}
