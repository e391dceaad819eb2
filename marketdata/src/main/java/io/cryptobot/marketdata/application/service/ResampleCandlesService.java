package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.application.port.in.ResampleCandlesQuery;
import io.cryptobot.marketdata.application.port.in.ResampledSeries;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleResampler;
import io.cryptobot.marketdata.domain.GapFinder;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.cryptobot.marketdata.domain.Resampling;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A page covers whole buckets from the first one opening in the range: as many as {@code limit} allows and as fit
 * in {@link #MAX_SOURCE_CANDLES} source candles. The stored source candles of those buckets are read at once and
 * resampled; everything stored before the page's end is known, so each bucket of the page is decided.
 */
@ApplicationScoped
class ResampleCandlesService implements ResampleCandlesQuery {
    private final LoadInstrumentPort instruments;
    private final LoadCandlesPort candles;

    ResampleCandlesService(LoadInstrumentPort instruments, LoadCandlesPort candles) {
        this.instruments = instruments;
        this.candles = candles;
    }

    @Override
    public Either<DomainError, ResampledSeries> resample(io.cryptobot.kernel.domain.UserId reader, InstrumentId id,
                                                         Timeframe source, Timeframe timeframe, TimeRange range,
                                                         int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        if (!Resampling.derivable(source, timeframe)) {
            return Either.left(MarketDataErrors.invalid(List.of(new Violation("source", timeframe.code()
                    + " candles cannot be computed exactly from " + source.code() + " candles (it must be a finer "
                    + "timeframe whose candles fit whole into each " + timeframe.code() + " candle)"))));
        }
        return instruments.load(id).toEither(() -> MarketDataErrors.instrumentNotFound(id)).map(instrument -> {
            long first = GapFinder.ceil(timeframe, range.from());
            long end = GapFinder.ceil(timeframe, range.to());
            long pageEnd = first;
            long sourceCandles = 0;
            for (int buckets = 0; buckets < limit && pageEnd < end; buckets++) {
                long bucketEnd = timeframe.next(pageEnd);
                long inBucket = GapFinder.count(source, pageEnd, bucketEnd);
                if (buckets > 0 && sourceCandles + inBucket > MAX_SOURCE_CANDLES) {
                    break;
                }
                sourceCandles += inBucket;
                pageEnd = bucketEnd;
            }
            CandleBatch fine = pageEnd > first
                    ? candles.load(io.cryptobot.marketdata.domain.CandleView.of(reader), instrument, source, new TimeRange(first, pageEnd), (int) Math.max(1, sourceCandles))
                    : new CandleBatch(instrument.priceScale(), instrument.quantityScale(), 0);
            CandleResampler resampled = CandleResampler.of(fine, source, timeframe, pageEnd);
            return new ResampledSeries(instrument, source, timeframe, resampled.completed(), resampled.incomplete(),
                    pageEnd < end ? Option.some(pageEnd) : Option.none());
        });
    }
}
