package io.cryptobot.order.application.service;

import io.cryptobot.order.application.port.in.OrderJournalFeedQuery;
import io.cryptobot.order.application.port.out.OrderJournalFeedPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The journal's fills and refusals by position, for followers inside the platform (never served to users). */
@ApplicationScoped
class OrderJournalFeedService implements OrderJournalFeedQuery {
    private static final int MAX_LIMIT = 10_000;
    private final OrderJournalFeedPort feed;

    OrderJournalFeedService(OrderJournalFeedPort feed) {
        this.feed = feed;
    }

    @Override
    public long lastFillPosition() {
        return feed.lastFillPosition();
    }

    @Override
    public List<JournaledFill> fillsAfter(long after, long through, int limit) {
        return through <= after ? List.of() : feed.fillsAfter(after, through, bounded(limit));
    }

    @Override
    public long lastRefusalPosition() {
        return feed.lastRefusalPosition();
    }

    @Override
    public List<JournaledRefusal> refusalsAfter(long after, long through, int limit) {
        return through <= after ? List.of() : feed.refusalsAfter(after, through, bounded(limit));
    }

    private static int bounded(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return Math.min(limit, MAX_LIMIT);
    }
}
