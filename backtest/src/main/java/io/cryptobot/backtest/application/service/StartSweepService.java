package io.cryptobot.backtest.application.service;

import io.cryptobot.backtest.application.port.in.StartSweepUseCase;
import io.cryptobot.backtest.application.port.out.BacktestWorkersPort;
import io.cryptobot.backtest.application.port.out.SweepStorePort;
import io.cryptobot.backtest.domain.sweep.SweepErrors;
import io.cryptobot.backtest.domain.sweep.SweepId;
import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.backtest.domain.sweep.SweepSpec;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Limit;
import io.cryptobot.kernel.domain.OwnerLocks;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.UserLimits;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Queues a checked sweep on the shared workers. Refused, with nothing stored: a sweep of more backtests than
 * {@link UserLimits#pointsPerSweep()} (413), and a sweep of an owner who already has as many queued or running as
 * {@link UserLimits#sweepsActive()} (429; counted and inserted under the owner's lock).
 */
@ApplicationScoped
class StartSweepService implements StartSweepUseCase {
    private final SweepStorePort store;
    private final BacktestWorkersPort workers;
    private final MarketLoader loader;
    private final SweepRunner runner;
    private final Limit active;
    private final Limit points;
    private final OwnerLocks locks;
    private final Clock clock;

    StartSweepService(SweepStorePort store, BacktestWorkersPort workers, MarketLoader loader, SweepRunner runner,
                      UserLimits limits, OwnerLocks locks, Clock clock) {
        this.store = store;
        this.workers = workers;
        this.loader = loader;
        this.runner = runner;
        this.active = limits.sweepsActive();
        this.points = limits.pointsPerSweep();
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, SweepRun> start(UserId owner, SweepSpec.Raw request) {
        return SweepSpec.checked(request).toEither().<DomainError>mapLeft(SweepErrors::invalid)
                .flatMap(spec -> {
                    int backtests = SweepRunner.total(spec, spec.plan());
                    return points.admitsSize(backtests) ? Either.right(spec)
                            : Either.left(SweepErrors.tooManyPoints(points, backtests));
                })
                .flatMap(spec -> loader.check(owner, spec.base()).map(found -> spec))
                .flatMap(spec -> locks.serialized(owner, () -> {
                    if (!active.admitsOneMore(store.activeCount(owner))) {
                        return Either.left(SweepErrors.tooManyActive(active));
                    }
                    SweepRun run = SweepRun.queue(SweepId.random(), owner, spec, clock.now());
                    store.insert(run);
                    workers.run(owner, () -> runner.execute(run.id()));
                    return Either.right(run);
                }));
    }
}
