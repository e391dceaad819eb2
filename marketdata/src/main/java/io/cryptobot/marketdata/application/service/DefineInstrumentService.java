package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.marketdata.application.port.in.DefineInstrumentUseCase;
import io.cryptobot.marketdata.application.port.out.SaveInstrumentPort;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class DefineInstrumentService implements DefineInstrumentUseCase {
    private final SaveInstrumentPort instruments;

    DefineInstrumentService(SaveInstrumentPort instruments) {
        this.instruments = instruments;
    }

    @Override
    public Either<DomainError, Instrument> define(Instrument instrument) {
        return instruments.insertIfAbsent(instrument)
                ? Either.right(instrument)
                : Either.left(MarketDataErrors.instrumentExists(instrument.id()));
    }
}
