package io.cryptobot.order.application.port.out;

import io.cryptobot.order.application.port.in.OrderJournalFeedQuery.JournaledFill;
import io.cryptobot.order.application.port.in.OrderJournalFeedQuery.JournaledRefusal;
import java.util.List;

/** The journal read by position across owners (see {@code OrderJournalFeedQuery}). */
public interface OrderJournalFeedPort {
    long lastFillPosition();

    List<JournaledFill> fillsAfter(long after, long through, int limit);

    long lastRefusalPosition();

    List<JournaledRefusal> refusalsAfter(long after, long through, int limit);
}
