package io.cryptobot.backtest.application.port.in;

import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/** Validates a request, checks the candles exist, queues the run and returns it; the run goes on in the background. */
public interface StartBacktestUseCase {
    Either<DomainError, BacktestRun> start(UserId owner, BacktestConfig.Raw request);
}
