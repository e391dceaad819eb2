package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/**
 * Deletes the caller's private candles of one instrument and timeframe (the shared ones stay): the count deleted,
 * which frees as much of the caller's limit.
 */
public interface DeleteDatasetUseCase {
    Either<DomainError, Long> delete(UserId caller, InstrumentId instrument, Timeframe timeframe);
}
