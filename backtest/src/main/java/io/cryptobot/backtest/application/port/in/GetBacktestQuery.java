package io.cryptobot.backtest.application.port.in;

import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/** A run of the caller, or the caller's runs newest first; another user's run is not found. */
public interface GetBacktestQuery {
    Either<DomainError, BacktestRun> get(UserId caller, BacktestId id);

    Page<BacktestRun> list(UserId caller, PageRequest page);
}
