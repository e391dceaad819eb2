package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** The live feeds running on this instance, for other contexts ("is the feed of X fresh?") and the API. */
public interface LiveFeedStatusQuery {
    Option<FeedStatus> status(InstrumentId instrument, Timeframe timeframe);

    /** Every running feed of the instrument, by timeframe. */
    List<FeedStatus> feeds(InstrumentId instrument);

    /** True only for a running feed that is fresh: no feed is no fresh candles. */
    default boolean isFresh(InstrumentId instrument, Timeframe timeframe) {
        return status(instrument, timeframe).exists(FeedStatus::fresh);
    }
}
