package io.cryptobot.backtest.application.service;

import io.cryptobot.backtest.application.port.in.FinishedRunsFeedQuery;
import io.cryptobot.backtest.application.port.out.BacktestStorePort;
import io.cryptobot.backtest.application.port.out.SweepStorePort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every user's ended backtests and sweeps by position, for followers inside the platform (never served to users):
 * the two stores' ends merged in the order of their shared numbering.
 */
@ApplicationScoped
class FinishedRunsFeedService implements FinishedRunsFeedQuery {
    private static final int MAX_LIMIT = 10_000;
    private final BacktestStorePort runs;
    private final SweepStorePort sweeps;

    FinishedRunsFeedService(BacktestStorePort runs, SweepStorePort sweeps) {
        this.runs = runs;
        this.sweeps = sweeps;
    }

    @Override
    public long lastPosition() {
        return Math.max(runs.lastEndPosition(), sweeps.lastEndPosition());
    }

    @Override
    public List<FinishedRun> after(long after, long through, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        if (through <= after) {
            return List.of();
        }
        int capped = Math.min(limit, MAX_LIMIT);
        // each store's first `capped` ends: the first `capped` of their union are among them
        List<FinishedRun> merged = new ArrayList<>(runs.endedAfter(after, through, capped));
        merged.addAll(sweeps.endedAfter(after, through, capped));
        merged.sort(Comparator.comparingLong(FinishedRun::position));
        return merged.size() > capped ? List.copyOf(merged.subList(0, capped)) : merged;
    }
}
