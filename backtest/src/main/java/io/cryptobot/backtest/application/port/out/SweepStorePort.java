package io.cryptobot.backtest.application.port.out;

import io.cryptobot.backtest.application.port.in.FinishedRunsFeedQuery;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.backtest.domain.sweep.SweepId;
import io.cryptobot.backtest.domain.sweep.SweepResult;
import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.util.List;

/** Sweeps and their results, in PostgreSQL; status changes are compare-and-set like runs'. */
public interface SweepStorePort {
    void insert(SweepRun sweep);

    /** Saves {@code sweep} if the stored status is still {@code expected}; returns whether it did. */
    boolean update(SweepRun sweep, BacktestStatus expected);

    /** Records progress of a running sweep; returns the stored status (cancelled means: stop). */
    Option<BacktestStatus> progress(SweepId id, int done);

    Option<SweepRun> load(UserId owner, SweepId id);

    Option<SweepRun> load(SweepId id);

    Page<SweepRun> list(UserId owner, PageRequest page);

    List<SweepRun> unfinished();

    /** The owner's sweeps queued or running. */
    int activeCount(UserId owner);

    /** Stores the results and marks the sweep completed, if it is still running. */
    boolean complete(SweepRun completed, SweepResult result);

    Option<SweepResult> results(SweepId id);

    /** The newest position of an end (completed or failed) among the sweeps, across owners (0 when none). */
    long lastEndPosition();

    /** The sweeps that ended after position {@code after} and at most at {@code through}, oldest first, across owners. */
    List<FinishedRunsFeedQuery.FinishedRun> endedAfter(long after, long through, int limit);
}
