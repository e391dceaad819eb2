package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.event.BotAlarmRaised;
import java.util.List;
import java.util.Objects;

/**
 * Every user's bot alarms (failed, feed stale, venue drift) in the order of the bots' stored entries that raise
 * them, for a follower that must not miss one that was committed (notifications catch up on them after a crash).
 * A position is the store's sequence number of the entry; each alarm is made from its entry as the live path makes
 * it ({@link BotAlarmRaised#of}).
 */
public interface BotAlarmsFeedQuery {
    /** The newest position of an entry that may raise an alarm (0 when there is none). */
    long lastPosition();

    /** The alarms of the entries after {@code after} and at most at {@code through}, oldest first. */
    Read after(long after, long through, int limit);

    record StoredAlarm(long position, BotAlarmRaised alarm) {
        public StoredAlarm {
            Objects.requireNonNull(alarm, "alarm");
        }
    }

    /**
     * {@code read}: how many entries were read (at most the limit; a full read means there may be more; not every
     * entry raises an alarm: an opening block for another reason, a reconciliation that found what the previous one
     * found); {@code last}: the position of the last entry read ({@code after} when none).
     */
    record Read(List<StoredAlarm> alarms, int read, long last) {
        public Read {
            alarms = List.copyOf(alarms);
        }
    }
}
