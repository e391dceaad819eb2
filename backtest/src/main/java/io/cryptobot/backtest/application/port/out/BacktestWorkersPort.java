package io.cryptobot.backtest.application.port.out;

import io.cryptobot.kernel.domain.UserId;
import java.util.concurrent.ThreadFactory;

/**
 * Runs backtests and sweeps off the request threads on workers shared by every user; further runs wait their turn
 * (and show as queued), taken fairly between their owners: round robin by owner, so one user's queue never holds
 * back another user's first run longer than until a worker frees up.
 */
public interface BacktestWorkersPort {
    void run(UserId owner, Runnable task);

    /** How many threads one sweep may run its backtests on (the cores). */
    int parallelism();

    /** The threads a sweep runs its backtests on (daemons, named {@code sweep-worker-n}). */
    ThreadFactory sweepThreads();
}
