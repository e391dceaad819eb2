package io.cryptobot.order.application.port.in;

import io.cryptobot.kernel.domain.UserId;
import java.util.List;
import java.util.Objects;

/**
 * The journal's fills and refused orders (denied by the pre-trade check, rejected by the venue) of every user, in
 * the journal's own order, for a follower that must not miss what was committed (notifications catch up on them
 * after a crash). A position is the journal's sequence number of the row: never issued twice, increasing in the
 * order the rows were written (a row may become visible after a later one whose transaction ended first).
 */
public interface OrderJournalFeedQuery {
    /** The position of the newest fill (0 when there is none). */
    long lastFillPosition();

    /** Fills after {@code after} and at most at {@code through}, oldest first, at most {@code limit}. */
    List<JournaledFill> fillsAfter(long after, long through, int limit);

    /** The position of the newest denied or rejected order event (0 when there is none). */
    long lastRefusalPosition();

    /** Denied and rejected order events after {@code after} and at most at {@code through}, oldest first. */
    List<JournaledRefusal> refusalsAfter(long after, long through, int limit);

    record JournaledFill(long position, UserId owner, FillView fill) {
        public JournaledFill {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(fill, "fill");
        }
    }

    /** A refusal ({@code event.type()} {@code denied} or {@code rejected}, its reason the detail) with its order. */
    record JournaledRefusal(long position, UserId owner, OrderEventView event, OrderView order) {
        public JournaledRefusal {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(order, "order");
        }
    }
}
