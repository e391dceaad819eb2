package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.marketdata.domain.ImportJob;
import io.vavr.control.Either;

/** Queues an import and returns at once; the job runs in the background (see {@link ImportJob} for its steps). */
public interface StartCandleImportUseCase {
    Either<DomainError, ImportJob> start(StartCandleImportCommand command);
}
