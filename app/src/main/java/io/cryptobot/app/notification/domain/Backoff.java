package io.cryptobot.app.notification.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Waits between attempts: {@code first * 2^(attempt-1)}, at most {@code max}, with "equal jitter" (half of it
 * fixed, the other half drawn), so receivers that failed together do not all come back at the same moment.
 */
public record Backoff(Duration first, Duration max) {
    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max");
        }
    }

    /** The wait after the {@code attempt}-th failed attempt (1-based); {@code unit} is a draw in [0, 1). */
    public Duration after(int attempt, double unit) {
        if (attempt < 1 || unit < 0 || unit >= 1) {
            throw new IllegalArgumentException("attempt >= 1 and unit in [0, 1)");
        }
        long firstMillis = first.toMillis();
        long maxMillis = max.toMillis();
        int shift = Math.min(attempt - 1, 40);
        long full = firstMillis > (maxMillis >> shift) ? maxMillis : Math.min(maxMillis, firstMillis << shift);
        long half = full / 2;
        return Duration.ofMillis(half + (long) ((full - half) * unit));
    }
}
