package io.cryptobot.app.identity.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long access and refresh tokens are valid. Access tokens stay short: they are checked against the account on
 * every request, but a stolen one still works until it expires unless the account is changed.
 */
public record TokenLifetimes(Duration accessToken, Duration refreshToken) {
    public TokenLifetimes {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        if (accessToken.isNegative() || accessToken.isZero() || refreshToken.compareTo(accessToken) <= 0) {
            throw new IllegalArgumentException("positive lifetimes, refresh longer than access");
        }
    }
}
