package io.cryptobot.marketdata.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How downloads treat the venue: at most {@code maxUnfinishedPerUser} queued or running per user; a venue that does
 * not answer is asked again up to {@code maxAttempts} times in a row, waiting {@code firstBackoff}, then twice as long
 * each time up to {@code maxBackoff}, before the job fails; a rate limit is waited out for as long as the venue says,
 * but never less than {@code minimumWait}, so a venue answering "retry after 0 s" cannot make a tight loop.
 */
public record DownloadPolicy(int maxUnfinishedPerUser, int maxAttempts, Duration firstBackoff, Duration maxBackoff,
                             Duration minimumWait) {
    public DownloadPolicy {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(minimumWait, "minimumWait");
        if (maxUnfinishedPerUser < 1 || maxAttempts < 1 || firstBackoff.isNegative() || firstBackoff.isZero()
                || maxBackoff.compareTo(firstBackoff) < 0 || minimumWait.isNegative() || minimumWait.isZero()) {
            throw new IllegalArgumentException("download limits must be positive, max backoff at least the first");
        }
    }

    /** The wait before attempt {@code failures + 1}, after {@code failures} (at least 1) failures in a row. */
    public Duration backoff(int failures) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** How long to wait when the venue asks for {@code retryAfter}. */
    public Duration rateLimitWait(Duration retryAfter) {
        return retryAfter.compareTo(minimumWait) < 0 ? minimumWait : retryAfter;
    }
}
