package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Option;

public interface LoadCandlesPort {
    /** Up to {@code limit} candles opening in the range, ascending. */
    CandleBatch load(Instrument instrument, Timeframe timeframe, TimeRange range, int limit);

    Option<Candle> latest(Instrument instrument, Timeframe timeframe);

    /**
     * The runs of contiguous stored candles in the range, as pairs (first open time, last open time), ascending:
     * what {@link io.cryptobot.marketdata.domain.GapFinder#findBetweenRuns} needs, and far fewer values than the
     * candles themselves.
     */
    long[] contiguousRuns(Instrument instrument, Timeframe timeframe, TimeRange range);
}
