package io.cryptobot.app.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A fixed-window counter: counts attempts from {@code startedAt} until the window's length has passed, then
 * starts over at the next attempt. Fixed windows are what a Redis {@code INCR}+{@code EXPIRE} gives, so the
 * in-process and a shared store behave alike.
 */
public record AttemptWindow(int count, Instant startedAt) {
    public AttemptWindow {
        Objects.requireNonNull(startedAt, "startedAt");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }

    public static AttemptWindow firstAt(Instant now) {
        return new AttemptWindow(1, now);
    }

    /** This window with one more attempt at {@code now}, or a new window if this one has ended. */
    public AttemptWindow counted(Instant now, Duration length) {
        return endedAt(now, length) ? firstAt(now) : new AttemptWindow(count + 1, startedAt);
    }

    public boolean endedAt(Instant now, Duration length) {
        return !now.isBefore(startedAt.plus(length));
    }

    /** What the window says at {@code now}: its count and how long until it ends (nothing once it ended). */
    public Attempts attemptsAt(Instant now, Duration length) {
        return endedAt(now, length)
                ? Attempts.NONE
                : new Attempts(count, Duration.between(now, startedAt.plus(length)));
    }
}
