package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.FindCandleGapsQuery;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.domain.CandleView;
import io.cryptobot.marketdata.domain.Gap;
import io.cryptobot.marketdata.domain.GapFinder;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
class FindCandleGapsService implements FindCandleGapsQuery {
    private final LoadInstrumentPort instruments;
    private final LoadCandlesPort candles;

    FindCandleGapsService(LoadInstrumentPort instruments, LoadCandlesPort candles) {
        this.instruments = instruments;
        this.candles = candles;
    }

    @Override
    public Either<DomainError, List<Gap>> gaps(UserId reader, InstrumentId id, Timeframe timeframe, TimeRange range) {
        return gaps(CandleView.of(reader), id, timeframe, range);
    }

    @Override
    public Either<DomainError, List<Gap>> sharedGaps(InstrumentId id, Timeframe timeframe, TimeRange range) {
        return gaps(CandleView.shared(), id, timeframe, range);
    }

    private Either<DomainError, List<Gap>> gaps(CandleView view, InstrumentId id, Timeframe timeframe,
                                                 TimeRange range) {
        return instruments.load(id).toEither(() -> MarketDataErrors.instrumentNotFound(id))
                .map(instrument -> GapFinder.findBetweenRuns(timeframe, range.from(), range.to(),
                        candles.contiguousRuns(view, instrument, timeframe, range)));
    }
}
