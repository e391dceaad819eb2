package io.cryptobot.backtest.application.service;

import io.cryptobot.backtest.application.port.in.ControlSweepUseCase;
import io.cryptobot.backtest.application.port.out.BacktestWorkersPort;
import io.cryptobot.backtest.application.port.out.SweepStorePort;
import io.cryptobot.backtest.domain.sweep.SweepErrors;
import io.cryptobot.backtest.domain.sweep.SweepId;
import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Limit;
import io.cryptobot.kernel.domain.OwnerLocks;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.UserLimits;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ControlSweepService implements ControlSweepUseCase {
    private final SweepStorePort store;
    private final BacktestWorkersPort workers;
    private final SweepRunner runner;
    private final Limit active;
    private final OwnerLocks locks;
    private final Clock clock;

    ControlSweepService(SweepStorePort store, BacktestWorkersPort workers, SweepRunner runner, UserLimits limits,
                        OwnerLocks locks, Clock clock) {
        this.store = store;
        this.workers = workers;
        this.runner = runner;
        this.active = limits.sweepsActive();
        this.locks = locks;
        this.clock = clock;
    }

    /** Queued again, unless the owner already has as many sweeps queued or running as the limit allows. */
    @Override
    public Either<DomainError, SweepRun> resume(UserId caller, SweepId id) {
        return store.load(caller, id).toEither(() -> SweepErrors.notFound(id))
                .flatMap(run -> run.resume().<DomainError>mapLeft(status -> SweepErrors.notResumable(id, run.status()))
                        .flatMap(queued -> locks.serialized(caller, () -> {
                            if (!active.admitsOneMore(store.activeCount(caller))) {
                                return Either.left(SweepErrors.tooManyActive(active));
                            }
                            if (!store.update(queued, run.status())) {
                                return Either.left(new DomainError.Conflict("sweep.busy",
                                        "sweep " + id + " changed meanwhile; retry"));
                            }
                            workers.run(caller, () -> runner.execute(id));
                            return Either.right(queued);
                        })));
    }

    @Override
    public Either<DomainError, SweepRun> cancel(UserId caller, SweepId id) {
        return store.load(caller, id).toEither(() -> SweepErrors.notFound(id))
                .flatMap(run -> run.cancel(clock.now())
                        .<DomainError>mapLeft(status -> SweepErrors.notCancellable(id, run.status()))
                        .flatMap(cancelled -> store.update(cancelled, run.status())
                                ? Either.right(cancelled)
                                : Either.left(SweepErrors.notCancellable(id, store.load(id).map(SweepRun::status)
                                .getOrElse(run.status())))));
    }

    @Override
    public int interruptUnfinished() {
        int count = 0;
        for (SweepRun run : store.unfinished()) {
            if (store.update(run.interrupt(clock.now()), run.status())) {
                count++;
            }
        }
        return count;
    }
}
