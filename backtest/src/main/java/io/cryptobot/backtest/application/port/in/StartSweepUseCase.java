package io.cryptobot.backtest.application.port.in;

import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.backtest.domain.sweep.SweepSpec;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/** Validates a sweep (every violation at once), checks its instruments have candles, and queues it. */
public interface StartSweepUseCase {
    Either<DomainError, SweepRun> start(UserId owner, SweepSpec.Raw request);
}
