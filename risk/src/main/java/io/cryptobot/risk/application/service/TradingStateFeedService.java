package io.cryptobot.risk.application.service;

import io.cryptobot.risk.application.port.in.TradingStateFeedQuery;
import io.cryptobot.risk.application.port.out.RiskStorePort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Every user's stored kill-switch changes by position, for followers inside the platform (never served to users). */
@ApplicationScoped
class TradingStateFeedService implements TradingStateFeedQuery {
    private static final int MAX_LIMIT = 10_000;
    private final RiskStorePort store;

    TradingStateFeedService(RiskStorePort store) {
        this.store = store;
    }

    @Override
    public long lastPosition() {
        return store.lastChangePosition();
    }

    @Override
    public List<StoredChange> after(long after, long through, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return through <= after ? List.of() : store.changesAfter(after, through, Math.min(limit, MAX_LIMIT));
    }
}
