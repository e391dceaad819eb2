package io.cryptobot.backtest.application.port.in;

import io.cryptobot.backtest.domain.sweep.SweepId;
import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/**
 * Cancel a queued or running sweep; resume a failed, cancelled or interrupted one (queued again, run from the
 * start: deterministic, so the same result); at start-up, mark sweeps a previous process left unfinished
 * interrupted.
 */
public interface ControlSweepUseCase {
    Either<DomainError, SweepRun> cancel(UserId caller, SweepId id);

    Either<DomainError, SweepRun> resume(UserId caller, SweepId id);

    int interruptUnfinished();
}
