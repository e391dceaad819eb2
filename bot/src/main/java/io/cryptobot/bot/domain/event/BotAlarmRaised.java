package io.cryptobot.bot.domain.event;

import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something about a bot its owner should hear of at once, published after it is recorded in the bot's events:
 * the bot failed (a failure, or a rebuild that differed from its journal), its live feed went stale (openings
 * blocked), or a reconciliation with its live venue found differences (told once for each new set of them).
 * Each alarm is one of the bot's stored entries ({@link #of}), and {@code at} is that entry's time: the live path
 * and a reader of the stored entries make the same alarm of it.
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

    /** The reason of an opening block opens with this when the live feed is stale (not for other blocks). */
    public static final String STALE_FEED = "the live feed of ";
    /** A reconciliation entry's reason: what it read, this, then what it found. */
    public static final String FOUND = " execution(s) read; ";
    /** What a reconciliation that found no difference found. */
    public static final String AGREES = "the account agrees with the venue";

    /** The differences a reconciliation entry's reason tells of ("" when it found none). */
    public static String drift(String reconciled) {
        int at = reconciled.indexOf(FOUND);
        String found = at < 0 ? "" : reconciled.substring(at + FOUND.length());
        return found.equals(AGREES) ? "" : found;
    }

    /**
     * The alarm a stored entry of a bot raises, if any: a failure or an incident (failed), an opening block on a
     * stale feed (feed stale), a reconciliation whose differences are not those of the bot's previous
     * reconciliation ({@code previousReconciled}: that one's reason, "" when there is none).
     */
    public static Option<BotAlarmRaised> of(UserId owner, UUID botId, String botName, BotControl entry,
                                            String previousReconciled) {
        Option<Alarm> alarm = switch (entry.kind()) {
            case FAILED, INCIDENT -> Option.some(Alarm.FAILED);
            case OPENING_BLOCKED -> entry.reason().startsWith(STALE_FEED) ? Option.some(Alarm.FEED_STALE)
                    : Option.none();
            case VENUE_RECONCILED -> {
                String drift = drift(entry.reason());
                yield !drift.isEmpty() && !drift.equals(drift(previousReconciled)) ? Option.some(Alarm.VENUE_DRIFT)
                        : Option.none();
            }
            default -> Option.none();
        };
        String reason = entry.kind() == BotControl.Kind.VENUE_RECONCILED ? drift(entry.reason()) : entry.reason();
        return alarm.map(a -> new BotAlarmRaised(owner, botId, botName, a, reason, entry.at()));
    }
}
