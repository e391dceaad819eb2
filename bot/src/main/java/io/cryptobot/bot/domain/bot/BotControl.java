package io.cryptobot.bot.domain.bot;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that changed a bot's course, recorded with the step it took effect after ({@code afterStep}: the
 * open time of the last candle the session had played, or {@link Long#MIN_VALUE} before the first), so that a
 * session rebuilt from its feed after a restart applies it at exactly the same point. {@code at} is when it was
 * asked for (wall clock, for the audit trail).
 */
public record BotControl(Kind kind, long afterStep, String reason, Instant at) {
    public enum Kind {
        CREATED,
        STARTED,
        PAUSED,
        RESUMED,
        STOPPED,
        COMPLETED,
        FAILED,
        RECONCILED
    }

    public BotControl {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
