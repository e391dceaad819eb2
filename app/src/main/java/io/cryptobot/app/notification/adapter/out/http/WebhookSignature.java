package io.cryptobot.app.notification.adapter.out.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: HMAC-SHA256 with the endpoint's secret over {@code timestamp + "." + body}
 * (timestamp in epoch seconds), sent as {@code X-Cryptobot-Signature: t=<timestamp>,v1=<hex>}. The timestamp is
 * signed so that a receiver can refuse old (replayed) deliveries.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Cryptobot-Signature";

    private WebhookSignature() {
    }

    public static String hex(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String header(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + hex(secret, timestamp, body);
    }

    /** What a receiver does: the header's signature is the body's, made at most {@code toleranceSeconds} ago. */
    public static boolean verify(String secret, String header, String body, long nowSeconds, long toleranceSeconds) {
        long timestamp = -1;
        String given = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                given = pair[1];
            }
        }
        if (timestamp < 0 || given == null || Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        return MessageDigest.isEqual(hex(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
