package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.marketdata.application.port.in.GetInstrumentQuery;
import io.cryptobot.marketdata.application.port.in.GetTradingRulesQuery;
import io.cryptobot.marketdata.application.port.in.TradingRules;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class GetInstrumentService implements GetInstrumentQuery, GetTradingRulesQuery {
    private final LoadInstrumentPort instruments;

    GetInstrumentService(LoadInstrumentPort instruments) {
        this.instruments = instruments;
    }

    @Override
    public Either<DomainError, Instrument> get(InstrumentId id) {
        return instruments.load(id).toEither(() -> MarketDataErrors.instrumentNotFound(id));
    }

    @Override
    public Either<DomainError, TradingRules> rules(InstrumentId id) {
        return get(id).map(instrument -> new TradingRules(instrument.id(), instrument.tickSize(), instrument.stepSize(),
                instrument::price, instrument::quantity));
    }
}
