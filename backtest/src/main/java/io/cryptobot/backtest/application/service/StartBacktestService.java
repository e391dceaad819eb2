package io.cryptobot.backtest.application.service;

import io.cryptobot.backtest.application.port.in.StartBacktestUseCase;
import io.cryptobot.backtest.application.port.out.BacktestStorePort;
import io.cryptobot.backtest.application.port.out.BacktestWorkersPort;
import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.BacktestErrors;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Limit;
import io.cryptobot.kernel.domain.OwnerLocks;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.UserLimits;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Queues a checked run on the shared workers, unless the owner already has as many queued, running or storing as
 * {@link UserLimits#backtestsActive()} allows (counted and inserted under the owner's lock).
 */
@ApplicationScoped
class StartBacktestService implements StartBacktestUseCase {
    private final BacktestStorePort store;
    private final BacktestWorkersPort workers;
    private final MarketLoader loader;
    private final BacktestRunner runner;
    private final Limit active;
    private final OwnerLocks locks;
    private final Clock clock;

    StartBacktestService(BacktestStorePort store, BacktestWorkersPort workers, MarketLoader loader,
                         BacktestRunner runner, UserLimits limits, OwnerLocks locks, Clock clock) {
        this.store = store;
        this.workers = workers;
        this.loader = loader;
        this.runner = runner;
        this.active = limits.backtestsActive();
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, BacktestRun> start(UserId owner, BacktestConfig.Raw request) {
        return BacktestConfig.checked(request).toEither().<DomainError>mapLeft(BacktestErrors::invalid)
                .flatMap(config -> loader.check(owner, config).map(found -> config))
                .flatMap(config -> locks.serialized(owner, () -> {
                    if (!active.admitsOneMore(store.unfinishedCount(owner))) {
                        return Either.left(BacktestErrors.tooManyUnfinished(active));
                    }
                    BacktestRun run = BacktestRun.queue(BacktestId.random(), owner, config, clock.now());
                    store.insert(run);
                    workers.run(owner, () -> runner.execute(run.id()));
                    return Either.right(run);
                }));
    }
}
