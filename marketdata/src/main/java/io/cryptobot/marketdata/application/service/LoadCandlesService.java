package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleSeries;
import io.cryptobot.marketdata.domain.CandleView;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class LoadCandlesService implements LoadCandlesQuery {
    private final LoadInstrumentPort instruments;
    private final LoadCandlesPort candles;

    LoadCandlesService(LoadInstrumentPort instruments, LoadCandlesPort candles) {
        this.instruments = instruments;
        this.candles = candles;
    }

    @Override
    public Either<DomainError, CandleSeries> load(UserId reader, InstrumentId id, Timeframe timeframe, TimeRange range,
                                                  int limit) {
        return load(CandleView.of(reader), id, timeframe, range, limit);
    }

    @Override
    public Either<DomainError, CandleSeries> loadShared(InstrumentId id, Timeframe timeframe, TimeRange range,
                                                        int limit) {
        return load(CandleView.shared(), id, timeframe, range, limit);
    }

    private Either<DomainError, CandleSeries> load(CandleView view, InstrumentId id, Timeframe timeframe,
                                                   TimeRange range, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return instruments.load(id).toEither(() -> MarketDataErrors.instrumentNotFound(id)).map(instrument -> {
            // one candle more than asked tells whether the range continues, and where
            CandleBatch found = candles.load(view, instrument, timeframe, range, limit + 1);
            if (found.size() <= limit) {
                return new CandleSeries(instrument, timeframe, found, Option.none());
            }
            long next = found.openTime(limit);
            CandleBatch page = new CandleBatch(found.priceScale(), found.quantityScale(), limit);
            for (int i = 0; i < limit; i++) {
                page.add(found.openTime(i), found.open(i), found.high(i), found.low(i), found.close(i),
                        found.volume(i));
            }
            return new CandleSeries(instrument, timeframe, page, Option.some(next));
        });
    }
}
