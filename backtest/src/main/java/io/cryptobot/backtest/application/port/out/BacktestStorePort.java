package io.cryptobot.backtest.application.port.out;

import io.cryptobot.backtest.application.port.in.FinishedRunsFeedQuery;
import io.cryptobot.backtest.application.port.in.FillView;
import io.cryptobot.backtest.application.port.in.OrderView;
import io.cryptobot.backtest.application.port.in.TradeView;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.backtest.domain.BacktestResult;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs and their results, in PostgreSQL. Status changes are compare-and-set on the status the caller last saw,
 * so a cancel and the running engine never overwrite each other.
 */
public interface BacktestStorePort {
    void insert(BacktestRun run);

    /** Saves {@code run} if the stored status is still {@code expected}; returns whether it did. */
    boolean update(BacktestRun run, BacktestStatus expected);

    /** Records progress of a running run; returns the stored status (cancelled means: stop). */
    Option<BacktestStatus> progress(BacktestId id, long processed);

    /** Records how many result rows of a storing run are written; readers see it at once. */
    void stored(BacktestId id, long rows);

    Option<BacktestRun> load(UserId owner, BacktestId id);

    Option<BacktestRun> load(BacktestId id);

    Page<BacktestRun> list(UserId owner, PageRequest page);

    /** Runs queued, running or storing. */
    List<BacktestRun> unfinished();

    /** How many of the owner's runs are queued, running or storing. */
    int unfinishedCount(UserId owner);

    /**
     * Writes the results of a {@code storing} run and marks it completed in one transaction, so its results and
     * its completion become visible together. {@code writing} is told the rows written as they go (their count,
     * not the rows: those stay invisible until the commit) and, once the last row is written, asked for the
     * completed run, so that its {@code finishedAt} is the moment the results become visible. Returns false, and
     * writes nothing, if the stored run is no longer storing.
     */
    boolean complete(BacktestRun storing, BacktestResult result, Writing writing);

    /** The storing run's side of {@link #complete}. */
    interface Writing {
        /** {@code rows} of the result's rows are written (cumulative, report and equity curve first). */
        void stored(long rows);

        /** The run as it is to be committed: asked for after the last row is written, just before the commit. */
        BacktestRun completed();
    }

    void deleteResult(BacktestId id);

    /** Deletes a finished run of the owner with its results; false if there is none or it is unfinished (storing included). */
    boolean deleteFinished(UserId owner, BacktestId id);

    Option<BacktestReport> report(BacktestId id);

    Page<TradeView> trades(BacktestId id, PageRequest page);

    int allTrades(BacktestId id, Consumer<TradeView> sink);

    Page<OrderView> orders(BacktestId id, PageRequest page);

    Page<FillView> fills(BacktestId id, PageRequest page);

    Option<EquitySeries> equity(BacktestId id);

    /** The newest position of an end (completed or failed) among the runs, across owners (0 when none). */
    long lastEndPosition();

    /** The runs that ended after position {@code after} and at most at {@code through}, oldest first, across owners. */
    List<FinishedRunsFeedQuery.FinishedRun> endedAfter(long after, long through, int limit);
}
