package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.marketdata.domain.ImportJob;
import io.vavr.control.Either;

/** Queues an import job whose rows come from the synthetic generator instead of a file. */
public interface GenerateSyntheticCandlesUseCase {
    Either<DomainError, ImportJob> generate(GenerateSyntheticCandlesCommand command);
}
