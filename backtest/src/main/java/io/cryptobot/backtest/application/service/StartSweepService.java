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
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class StartSweepService implements StartSweepUseCase {
    private final SweepStorePort store;
    private final BacktestWorkersPort workers;
    private final MarketLoader loader;
    private final SweepRunner runner;
    private final Clock clock;

    StartSweepService(SweepStorePort store, BacktestWorkersPort workers, MarketLoader loader, SweepRunner runner,
                      Clock clock) {
        this.store = store;
        this.workers = workers;
        this.loader = loader;
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, SweepRun> start(UserId owner, SweepSpec.Raw request) {
        return SweepSpec.checked(request).toEither().<DomainError>mapLeft(SweepErrors::invalid)
                .flatMap(spec -> loader.check(owner, spec.base()).map(found -> spec))
                .map(spec -> {
                    SweepRun run = SweepRun.queue(SweepId.random(), owner, spec, clock.now());
                    store.insert(run);
                    workers.run(() -> runner.execute(run.id()));
                    return run;
                });
    }
}
