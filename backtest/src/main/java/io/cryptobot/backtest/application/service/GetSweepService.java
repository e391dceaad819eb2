package io.cryptobot.backtest.application.service;

import io.cryptobot.backtest.application.port.in.GetSweepQuery;
import io.cryptobot.backtest.application.port.out.SweepStorePort;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.backtest.domain.sweep.SweepErrors;
import io.cryptobot.backtest.domain.sweep.SweepId;
import io.cryptobot.backtest.domain.sweep.SweepResult;
import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class GetSweepService implements GetSweepQuery {
    private final SweepStorePort store;

    GetSweepService(SweepStorePort store) {
        this.store = store;
    }

    @Override
    public Either<DomainError, SweepRun> get(UserId caller, SweepId id) {
        return store.load(caller, id).toEither(() -> SweepErrors.notFound(id));
    }

    @Override
    public Page<SweepRun> list(UserId caller, PageRequest page) {
        return store.list(caller, page);
    }

    @Override
    public Either<DomainError, SweepResult> results(UserId caller, SweepId id) {
        return get(caller, id).flatMap(run -> run.status() != BacktestStatus.COMPLETED
                ? Either.left(SweepErrors.notCompleted(id, run.status()))
                : store.results(id).toEither(() -> SweepErrors.notFound(id)));
    }
}
