package io.cryptobot.backtest.application.service;

import io.cryptobot.backtest.application.port.in.ControlBacktestUseCase;
import io.cryptobot.backtest.application.port.out.BacktestStorePort;
import io.cryptobot.backtest.application.port.out.BacktestWorkersPort;
import io.cryptobot.backtest.domain.BacktestErrors;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Limit;
import io.cryptobot.kernel.domain.OwnerLocks;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.UserLimits;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ControlBacktestService implements ControlBacktestUseCase {
    private static final int ATTEMPTS = 3;
    private final BacktestStorePort store;
    private final BacktestWorkersPort workers;
    private final BacktestRunner runner;
    private final Limit active;
    private final OwnerLocks locks;
    private final Clock clock;

    ControlBacktestService(BacktestStorePort store, BacktestWorkersPort workers, BacktestRunner runner,
                           UserLimits limits, OwnerLocks locks, Clock clock) {
        this.store = store;
        this.workers = workers;
        this.runner = runner;
        this.active = limits.backtestsActive();
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, BacktestRun> cancel(UserId caller, BacktestId id) {
        // the runner may move the run on between our read and our write: re-read and retry
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BacktestRun run = store.load(caller, id).getOrNull();
            if (run == null) {
                return Either.left(BacktestErrors.notFound(id));
            }
            Either<String, BacktestRun> cancelled = run.cancel(run.candlesProcessed(), clock.now());
            if (cancelled.isLeft()) {
                return Either.left(run.status() == BacktestStatus.STORING ? BacktestErrors.storing(id)
                        : BacktestErrors.notCancellable(id, run.status()));
            }
            if (store.update(cancelled.get(), run.status())) {
                return Either.right(cancelled.get());
            }
        }
        return Either.left(new DomainError.Conflict("backtest.busy", "backtest " + id + " changed while cancelling; retry"));
    }

    @Override
    public Either<DomainError, BacktestRun> resume(UserId caller, BacktestId id) {
        BacktestRun run = store.load(caller, id).getOrNull();
        if (run == null) {
            return Either.left(BacktestErrors.notFound(id));
        }
        Either<String, BacktestRun> queued = run.resume(clock.now());
        if (queued.isLeft()) {
            return Either.left(BacktestErrors.notResumable(id, run.status()));
        }
        return locks.serialized(caller, () -> {
            if (!active.admitsOneMore(store.unfinishedCount(caller))) {
                return Either.left(BacktestErrors.tooManyUnfinished(active));
            }
            store.deleteResult(id);
            if (!store.update(queued.get(), run.status())) {
                return Either.left(new DomainError.Conflict("backtest.busy", "backtest " + id
                        + " changed meanwhile; retry"));
            }
            workers.run(caller, () -> runner.execute(id));
            return Either.right(queued.get());
        });
    }

    @Override
    public Either<DomainError, BacktestRun> delete(UserId caller, BacktestId id) {
        BacktestRun run = store.load(caller, id).getOrNull();
        if (run == null) {
            return Either.left(BacktestErrors.notFound(id));
        }
        if (!run.status().isFinished()) {
            return Either.left(new DomainError.Conflict("backtest.not_finished", "backtest " + id + " is "
                    + run.status().code() + (run.status() == BacktestStatus.STORING
                    ? "; delete it once it has completed" : "; cancel it before deleting it")));
        }
        return store.deleteFinished(caller, id) ? Either.right(run) : Either.left(BacktestErrors.notFound(id));
    }

    @Override
    public int interruptUnfinished() {
        int interrupted = 0;
        for (BacktestRun run : store.unfinished()) {
            if (store.update(run.interrupt(clock.now()), run.status())) {
                interrupted++;
            }
        }
        return interrupted;
    }
}
