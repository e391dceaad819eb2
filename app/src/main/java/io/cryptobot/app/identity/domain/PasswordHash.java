package io.cryptobot.app.identity.domain;

/** A stored password hash (modular crypt format). Never shown: {@link #toString()} is redacted. */
public record PasswordHash(String value) {
    public PasswordHash {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("hash must be given");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[***]";
    }
}
