package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.marketdata.application.port.in.GetInstrumentQuery;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class GetInstrumentService implements GetInstrumentQuery {
    private final LoadInstrumentPort instruments;

    GetInstrumentService(LoadInstrumentPort instruments) {
        this.instruments = instruments;
    }

    @Override
    public Either<DomainError, Instrument> get(InstrumentId id) {
        return instruments.load(id).toEither(() -> MarketDataErrors.instrumentNotFound(id));
    }
}
