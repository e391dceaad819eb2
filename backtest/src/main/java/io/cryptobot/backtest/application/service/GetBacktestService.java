package io.cryptobot.backtest.application.service;

import io.cryptobot.backtest.application.port.in.GetBacktestQuery;
import io.cryptobot.backtest.application.port.out.BacktestStorePort;
import io.cryptobot.backtest.domain.BacktestErrors;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class GetBacktestService implements GetBacktestQuery {
    private final BacktestStorePort store;

    GetBacktestService(BacktestStorePort store) {
        this.store = store;
    }

    @Override
    public Either<DomainError, BacktestRun> get(UserId caller, BacktestId id) {
        return store.load(caller, id).toEither(() -> BacktestErrors.notFound(id));
    }

    @Override
    public Page<BacktestRun> list(UserId caller, PageRequest page) {
        return store.list(caller, page);
    }
}
