package io.cryptobot.app.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long access and refresh tokens are valid. Access tokens stay short: they are checked against the account and
 * against ended sessions on every request, so a revocation needs to be remembered only as long as they live.
 */
public record TokenLifetimes(Duration accessToken, Duration refreshToken) {
    public TokenLifetimes {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        if (accessToken.isNegative() || accessToken.isZero() || refreshToken.compareTo(accessToken) <= 0) {
            throw new IllegalArgumentException("positive lifetimes, refresh longer than access");
        }
    }

    /** Verifiers accept a token this long past its {@code exp} (smallrye-jwt's default clock skew is 60 s). */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    /**
     * Until when a session ended at {@code endedAt} must stay on the revoked list: every access token of it was
     * issued at or before that moment, so none outlives {@code endedAt} plus one access-token lifetime (and skew).
     */
    public Instant revocationKeptUntil(Instant endedAt) {
        return endedAt.plus(accessToken).plus(CLOCK_SKEW);
    }
}
