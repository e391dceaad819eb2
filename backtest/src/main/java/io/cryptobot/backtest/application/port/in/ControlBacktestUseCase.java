package io.cryptobot.backtest.application.port.in;

import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/**
 * Cancel a queued or running run (a running one stops at the engine's next progress check, within about a
 * second; a storing one is refused, its results are computed); resume a failed, cancelled or interrupted one
 * (queued again and run from the start, same config). Delete a finished run with its results. At start-up, runs
 * a previous process left queued, running or storing are marked interrupted.
 */
public interface ControlBacktestUseCase {
    Either<DomainError, BacktestRun> cancel(UserId caller, BacktestId id);

    Either<DomainError, BacktestRun> resume(UserId caller, BacktestId id);

    /** Deletes a finished run and everything it stored; a queued or running one must be cancelled first. */
    Either<DomainError, BacktestRun> delete(UserId caller, BacktestId id);

    int interruptUnfinished();
}
