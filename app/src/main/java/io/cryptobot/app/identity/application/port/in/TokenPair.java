package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.RefreshSecret;
import java.util.Objects;

/** What a successful login or refresh hands the client: a signed access token and an opaque refresh token. */
public record TokenPair(String accessToken, long expiresInSeconds, RefreshSecret refreshToken) {
    public TokenPair {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        if (expiresInSeconds <= 0) {
            throw new IllegalArgumentException("expiresInSeconds must be positive");
        }
    }

    @Override
    public String toString() {
        return "TokenPair[***]";
    }
}
