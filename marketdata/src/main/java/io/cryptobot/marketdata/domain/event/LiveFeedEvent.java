package io.cryptobot.marketdata.domain.event;

import io.cryptobot.kernel.domain.DomainEvent;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;

/** What happened to a live candle feed; published for whatever trades on it (bots stop opening positions). */
public sealed interface LiveFeedEvent extends DomainEvent permits LiveFeedWentStale, LiveFeedFreshAgain {
    InstrumentId instrument();

    Timeframe timeframe();
}
