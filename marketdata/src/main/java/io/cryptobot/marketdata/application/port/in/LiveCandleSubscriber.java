package io.cryptobot.marketdata.application.port.in;

/**
 * Receives one live feed. Called on the feed's own thread, one call at a time, in order: candles strictly ascending
 * by open time, never twice; a subscriber must not block (hand the work to a thread of its own). A subscriber that
 * throws is dropped from the feed.
 */
public interface LiveCandleSubscriber {
    void onCandle(LiveCandle candle);

    /** The feed's state changed (connected, disconnected, stale, fresh again); also told once when joining. */
    default void onStatus(FeedStatus status) {
    }
}
