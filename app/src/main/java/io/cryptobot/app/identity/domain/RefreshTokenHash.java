package io.cryptobot.app.identity.domain;

import java.util.regex.Pattern;

/** Hex SHA-256 of a refresh secret: what the store keeps and looks tokens up by. */
public record RefreshTokenHash(String value) {
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    public RefreshTokenHash {
        if (value == null || !HEX_SHA256.matcher(value).matches()) {
            throw new IllegalArgumentException("not a hex SHA-256");
        }
    }

    @Override
    public String toString() {
        return "RefreshTokenHash[***]";
    }
}
