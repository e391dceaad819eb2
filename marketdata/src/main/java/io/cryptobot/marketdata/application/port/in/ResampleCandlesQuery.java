package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Either;

/**
 * Candles of {@code timeframe} opening in the range, computed on the fly from the stored {@code source} candles (see
 * {@link io.cryptobot.marketdata.domain.CandleResampler}); nothing is stored. A page holds at most {@code limit}
 * candles and is made from at most {@link #MAX_SOURCE_CANDLES} source candles, so a page may cover fewer buckets
 * than {@code limit}; continue from {@link ResampledSeries#next()}.
 */
public interface ResampleCandlesQuery {
    int MAX_SOURCE_CANDLES = 100_000;

    /** Read as {@code reader} sees the source candles (their private candles over the shared ones). */
    Either<DomainError, ResampledSeries> resample(io.cryptobot.kernel.domain.UserId reader, InstrumentId instrument,
                                                  Timeframe source, Timeframe timeframe, TimeRange range, int limit);
}
