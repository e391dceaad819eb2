package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.LatestPrice;
import io.cryptobot.marketdata.application.port.in.LatestPriceQuery;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.domain.CandleView;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class LatestPriceService implements LatestPriceQuery {
    private final LoadInstrumentPort instruments;
    private final LoadCandlesPort candles;

    LatestPriceService(LoadInstrumentPort instruments, LoadCandlesPort candles) {
        this.instruments = instruments;
        this.candles = candles;
    }

    @Override
    public Either<DomainError, LatestPrice> latest(UserId reader, InstrumentId id, Timeframe timeframe) {
        return instruments.load(id).toEither(() -> MarketDataErrors.instrumentNotFound(id))
                .flatMap(instrument -> candles.latest(CandleView.of(reader), instrument, timeframe)
                        .toEither(() -> MarketDataErrors.noCandles(id, timeframe)))
                .map(candle -> new LatestPrice(id, timeframe, candle));
    }
}
