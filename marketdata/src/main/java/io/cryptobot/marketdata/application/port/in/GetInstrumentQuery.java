package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.marketdata.domain.Instrument;
import io.vavr.control.Either;

public interface GetInstrumentQuery {
    Either<DomainError, Instrument> get(InstrumentId id);
}
