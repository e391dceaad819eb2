package io.cryptobot.app.identity.domain;

import java.time.Duration;
import java.util.Objects;

/** At most {@code maxAttempts} within one fixed {@code window} that starts at the first counted attempt. */
public record RateLimit(int maxAttempts, Duration window) {
    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (maxAttempts < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("maxAttempts >= 1 and a positive window");
        }
    }
}
