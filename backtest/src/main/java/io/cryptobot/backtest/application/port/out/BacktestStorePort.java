package io.cryptobot.backtest.application.port.out;

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

    Option<BacktestRun> load(UserId owner, BacktestId id);

    Option<BacktestRun> load(BacktestId id);

    Page<BacktestRun> list(UserId owner, PageRequest page);

    List<BacktestRun> unfinished();

    /** How many of the owner's runs are queued or running. */
    int unfinishedCount(UserId owner);

    /** Stores the results and marks the run completed in one transaction, if it is still running. */
    boolean complete(BacktestRun completed, BacktestResult result);

    void deleteResult(BacktestId id);

    /** Deletes a finished run of the owner with its results; false if there is none or it is unfinished. */
    boolean deleteFinished(UserId owner, BacktestId id);

    Option<BacktestReport> report(BacktestId id);

    Page<TradeView> trades(BacktestId id, PageRequest page);

    int allTrades(BacktestId id, Consumer<TradeView> sink);

    Page<OrderView> orders(BacktestId id, PageRequest page);

    Page<FillView> fills(BacktestId id, PageRequest page);

    Option<EquitySeries> equity(BacktestId id);
}
