package io.cryptobot.app.backtest;

import io.cryptobot.backtest.application.port.out.BacktestStorePort;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestRun;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

/** Test-only: the real store, with {@link StoringGate} consulted after each saved stored-rows report. */
@Decorator
@Priority(1)
abstract class GatedBacktestStore implements BacktestStorePort {
    @Inject
    @Delegate
    BacktestStorePort delegate;

    @Inject
    StoringGate gate;

    @Override
    public void stored(BacktestId id, long rows) {
        delegate.stored(id, rows);
        gate.stored(id, rows, run -> delegate.load(run).map(BacktestRun::owner).getOrNull());
    }
}
