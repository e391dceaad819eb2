package io.cryptobot.marketdata.application.port.in;

/**
 * Receives one live feed. Called on the feed's own thread (or the venue stream's thread, which a closed candle
 * arrived on), one call at a time, in order: candles strictly ascending by open time, never twice; a subscriber must
 * not block (hand the work to a thread of its own). A subscriber that throws is dropped from the feed.
 */
public interface LiveCandleSubscriber {
    void onCandle(LiveCandle candle);

    /**
     * A candle the venue's stream reported after the feed had passed over its place in the series (the venue had
     * none there when asked, and the next candle was passed on): it cannot be passed on in order, so it is told apart,
     * once, for the subscriber to say so. The feed stores it. Not among the candles of {@link #onCandle}.
     */
    default void onOutOfOrder(LiveCandle candle) {
    }

    /**
     * Candles this subscriber asked for ({@code from} a candle) that neither the store held nor the venue would serve:
     * the venue refused the range [{@code fromOpenTime}, {@code toOpenTime}) outright ({@code reason}; a refusal
     * asking again would not change, not a rate limit or an outage, which are retried). Told once, in order: the
     * candles after the range follow. A subscriber that needs every candle (a bot replaying its journal) must not
     * step over it as if there were none.
     */
    default void onHistoryUnavailable(long fromOpenTime, long toOpenTime, String reason) {
    }

    /** The feed's state changed (connected, disconnected, stale, fresh again); also told once when joining. */
    default void onStatus(FeedStatus status) {
    }
}
