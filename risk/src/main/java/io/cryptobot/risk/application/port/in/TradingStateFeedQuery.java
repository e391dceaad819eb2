package io.cryptobot.risk.application.port.in;

import io.cryptobot.risk.domain.event.UserTradingStateChanged;
import java.util.List;
import java.util.Objects;

/**
 * Every user's kill-switch changes in the order they were stored, for a follower that must not miss one that was
 * committed (notifications catch up on them after a crash). A position is the store's sequence number of the change.
 */
public interface TradingStateFeedQuery {
    /** The newest change's position (0 when there is none). */
    long lastPosition();

    /** Changes after {@code after} and at most at {@code through}, oldest first, at most {@code limit}. */
    List<StoredChange> after(long after, long through, int limit);

    record StoredChange(long position, UserTradingStateChanged change) {
        public StoredChange {
            Objects.requireNonNull(change, "change");
        }
    }
}
