package io.cryptobot.app.identity.domain;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.control.Validation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque refresh token a client holds. Only its {@link #hash()} is stored; a fast hash suffices because the
 * secret has 256 random bits, unlike a password. {@link #toString()} is redacted.
 */
public record RefreshSecret(String value) {
    public static final int BYTES = 32;
    private static final int MAX_PRESENTED_LENGTH = 512;

    public RefreshSecret {
        if (value == null || value.isBlank() || value.length() > MAX_PRESENTED_LENGTH) {
            throw new IllegalArgumentException("refresh secret must be 1.." + MAX_PRESENTED_LENGTH + " characters");
        }
    }

    /** Encodes fresh random bytes (from a secure source outside the domain) as a URL-safe token. */
    public static RefreshSecret fromRandomBytes(byte[] random) {
        if (random == null || random.length != BYTES) {
            throw new IllegalArgumentException("need " + BYTES + " random bytes");
        }
        return new RefreshSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /** Whatever a client sent; unknown values are simply not found later. */
    public static Validation<Violation, RefreshSecret> presented(String field, String text) {
        if (text == null || text.isBlank()) {
            return Validation.invalid(new Violation(field, "must be given"));
        }
        if (text.length() > MAX_PRESENTED_LENGTH) {
            return Validation.invalid(new Violation(field, "is too long"));
        }
        return Validation.valid(new RefreshSecret(text));
    }

    public RefreshTokenHash hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return new RefreshTokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "RefreshSecret[***]";
    }
}
