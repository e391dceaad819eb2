package io.cryptobot.bot.domain.event;

import io.cryptobot.kernel.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something about a bot its owner should hear of at once, published after it is recorded in the bot's events:
 * the bot failed (a failure, or a rebuild that differed from its journal), its live feed went stale (openings
 * blocked), or a reconciliation with its live venue found differences (told once for each new set of them).
 */
public record BotAlarmRaised(UserId owner, UUID botId, String botName, Alarm alarm, String reason, Instant at) {
    public enum Alarm {
        FAILED,
        FEED_STALE,
        VENUE_DRIFT
    }

    public BotAlarmRaised {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(botName, "botName");
        Objects.requireNonNull(alarm, "alarm");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
