package io.cryptobot.backtest.application.port.in;

import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import java.util.function.Consumer;

/**
 * The results of a completed run of the caller: the report (metrics and totals), the trade list, the orders with
 * their events, the fills, and the equity curve at full resolution. Not found for another user's run; a conflict
 * while the run has no results.
 */
public interface BacktestResultsQuery {
    Either<DomainError, BacktestReport> report(UserId caller, BacktestId id);

    Either<DomainError, Page<TradeView>> trades(UserId caller, BacktestId id, PageRequest page);

    /** Every trade in closing order, streamed to {@code sink} (CSV export). */
    Either<DomainError, Integer> allTrades(UserId caller, BacktestId id, Consumer<TradeView> sink);

    Either<DomainError, Page<OrderView>> orders(UserId caller, BacktestId id, PageRequest page);

    Either<DomainError, Page<FillView>> fills(UserId caller, BacktestId id, PageRequest page);

    Either<DomainError, EquitySeries> equity(UserId caller, BacktestId id);
}
