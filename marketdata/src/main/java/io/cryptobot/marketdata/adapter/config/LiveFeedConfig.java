package io.cryptobot.marketdata.adapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The {@code cryptobot.marketdata.live.*} settings of live candle feeds (see {@code LiveFeedSettings}). */
@ConfigMapping(prefix = "cryptobot.marketdata.live")
public interface LiveFeedConfig {
    /** A candle passed on more than this after its close is flagged late. */
    @WithDefault("PT5S")
    Duration lateAfter();

    /** How often feeds check the venue's clock (staleness, retries, a silent stream), and store what they got. */
    @WithDefault("PT1S")
    Duration checkInterval();

    /**
     * The feeds' checks place the venue's "now" by the offset to its clock read at most this long ago; older, they
     * ask the venue's time again (a request of weight 1 on Binance). PT0S: at every check.
     */
    @WithDefault("PT1M")
    Duration clockMaxAge();

    /** Received candles stored in one transaction at most. */
    @WithDefault("500")
    int storeBatch();

    /** A feed starting at most this many candles after the latest stored one fetches the gap first. */
    @WithDefault("1000")
    int startBackfillCandles();

    /** Candles a feed keeps in memory for subscribers catching up (beyond those not yet stored). */
    @WithDefault("1000")
    int keptCandles();
}
