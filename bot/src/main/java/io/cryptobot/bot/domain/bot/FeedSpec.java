package io.cryptobot.bot.domain.bot;

import io.vavr.control.Option;

/**
 * Where a paper bot's closed candles come from: a replay of stored candles ({@link ReplayFeedSpec}) or a venue's
 * live candles ({@link LiveFeedSpec}). Either way the bot's session is the same; the feed only decides which
 * candles it steps on, and from when it trades.
 */
public sealed interface FeedSpec permits ReplayFeedSpec, LiveFeedSpec {
    /** {@code replay} or {@code live}, as the API and the store name it. */
    String kind();

    /**
     * The open time of the first candle the bot trades on (the candles before it only warm its strategy up): a
     * replay's {@code from}; for a live feed, known once its first candle to trade on came.
     */
    Option<Long> tradingStart();
}
