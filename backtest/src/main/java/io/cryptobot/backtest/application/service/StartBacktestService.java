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
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class StartBacktestService implements StartBacktestUseCase {
    /** Queued or running runs a user may have at once. */
    static final int MAX_UNFINISHED = 10;
    private final BacktestStorePort store;
    private final BacktestWorkersPort workers;
    private final MarketLoader loader;
    private final BacktestRunner runner;
    private final Clock clock;

    StartBacktestService(BacktestStorePort store, BacktestWorkersPort workers, MarketLoader loader,
                         BacktestRunner runner, Clock clock) {
        this.store = store;
        this.workers = workers;
        this.loader = loader;
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, BacktestRun> start(UserId owner, BacktestConfig.Raw request) {
        return BacktestConfig.checked(request).toEither().<DomainError>mapLeft(BacktestErrors::invalid)
                .flatMap(config -> loader.check(owner, config).map(found -> config))
                .filterOrElse(config -> store.unfinishedCount(owner) < MAX_UNFINISHED,
                        config -> BacktestErrors.tooManyUnfinished(MAX_UNFINISHED))
                .map(config -> {
                    BacktestRun run = BacktestRun.queue(BacktestId.random(), owner, config, clock.now());
                    store.insert(run);
                    workers.run(() -> runner.execute(run.id()));
                    return run;
                });
    }
}
