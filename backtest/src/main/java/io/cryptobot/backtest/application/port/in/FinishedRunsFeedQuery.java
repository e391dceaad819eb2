package io.cryptobot.backtest.application.port.in;

import io.cryptobot.backtest.domain.event.BacktestFinished;
import java.util.List;
import java.util.Objects;

/**
 * Every user's backtests and sweeps that ended (completed or failed) in the order their ends were stored, for a
 * follower that must not miss one that was committed (notifications catch up on them after a crash). A position
 * is the number the store gave the end when it wrote the final status (runs and sweeps share the numbering).
 */
public interface FinishedRunsFeedQuery {
    /** The newest end's position (0 when there is none). */
    long lastPosition();

    /** Ends after {@code after} and at most at {@code through}, oldest first, at most {@code limit}. */
    List<FinishedRun> after(long after, long through, int limit);

    record FinishedRun(long position, BacktestFinished finished) {
        public FinishedRun {
            Objects.requireNonNull(finished, "finished");
        }
    }
}
