package io.cryptobot.backtest.application.service;

import io.cryptobot.backtest.application.port.in.BacktestResultsQuery;
import io.cryptobot.backtest.application.port.in.FillView;
import io.cryptobot.backtest.application.port.in.OrderView;
import io.cryptobot.backtest.application.port.in.TradeView;
import io.cryptobot.backtest.application.port.out.BacktestStorePort;
import io.cryptobot.backtest.domain.BacktestErrors;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;

@ApplicationScoped
class BacktestResultsService implements BacktestResultsQuery {
    private final BacktestStorePort store;

    BacktestResultsService(BacktestStorePort store) {
        this.store = store;
    }

    @Override
    public Either<DomainError, BacktestReport> report(UserId caller, BacktestId id) {
        return completed(caller, id).flatMap(ok -> store.report(id).toEither(() -> BacktestErrors.notFound(id)));
    }

    @Override
    public Either<DomainError, Page<TradeView>> trades(UserId caller, BacktestId id, PageRequest page) {
        return completed(caller, id).map(ok -> store.trades(id, page));
    }

    @Override
    public Either<DomainError, Integer> allTrades(UserId caller, BacktestId id, Consumer<TradeView> sink) {
        return completed(caller, id).map(ok -> store.allTrades(id, sink));
    }

    @Override
    public Either<DomainError, Page<OrderView>> orders(UserId caller, BacktestId id, PageRequest page) {
        return completed(caller, id).map(ok -> store.orders(id, page));
    }

    @Override
    public Either<DomainError, Page<FillView>> fills(UserId caller, BacktestId id, PageRequest page) {
        return completed(caller, id).map(ok -> store.fills(id, page));
    }

    @Override
    public Either<DomainError, EquitySeries> equity(UserId caller, BacktestId id) {
        return completed(caller, id).flatMap(ok -> store.equity(id).toEither(() -> BacktestErrors.notFound(id)));
    }

    private Either<DomainError, Boolean> completed(UserId caller, BacktestId id) {
        return store.load(caller, id).toEither(() -> BacktestErrors.notFound(id))
                .flatMap(run -> run.status() == BacktestStatus.COMPLETED
                        ? Either.right(true)
                        : Either.left(BacktestErrors.notCompleted(id, run.status())));
    }
}
