package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleView;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Option;

/** Candle reads, each through a {@link CandleView}: the shared data alone, or a user's own candles laid over it. */
public interface LoadCandlesPort {
    /** Up to {@code limit} candles opening in the range, ascending, as the view sees them. */
    CandleBatch load(CandleView view, Instrument instrument, Timeframe timeframe, TimeRange range, int limit);

    /** The newest candle the view sees (a user's own one when both have that open time). */
    Option<Candle> latest(CandleView view, Instrument instrument, Timeframe timeframe);

    /**
     * The runs of contiguous candles the view sees in the range, as pairs (first open time, last open time),
     * ascending: what {@link io.cryptobot.marketdata.domain.GapFinder#findBetweenRuns} needs, and far fewer values
     * than the candles themselves.
     */
    long[] contiguousRuns(CandleView view, Instrument instrument, Timeframe timeframe, TimeRange range);
}
