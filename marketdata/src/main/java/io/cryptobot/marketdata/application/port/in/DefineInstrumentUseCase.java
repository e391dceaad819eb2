package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.marketdata.domain.Instrument;
import io.vavr.control.Either;

/** Adds a pair to the shared catalog; a pair already defined is a conflict, never overwritten. */
public interface DefineInstrumentUseCase {
    Either<DomainError, Instrument> define(Instrument instrument);
}
