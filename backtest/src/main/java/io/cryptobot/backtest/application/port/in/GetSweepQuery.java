package io.cryptobot.backtest.application.port.in;

import io.cryptobot.backtest.domain.sweep.SweepId;
import io.cryptobot.backtest.domain.sweep.SweepResult;
import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/** The caller's sweeps, and a completed one's results; another user's sweep is not found. */
public interface GetSweepQuery {
    Either<DomainError, SweepRun> get(UserId caller, SweepId id);

    Page<SweepRun> list(UserId caller, PageRequest page);

    Either<DomainError, SweepResult> results(UserId caller, SweepId id);
}
