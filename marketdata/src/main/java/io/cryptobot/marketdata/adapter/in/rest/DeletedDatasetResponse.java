package io.cryptobot.marketdata.adapter.in.rest;

/** What a delete removed: {@code deleted} private candles, as many freed of the caller's limit. */
public record DeletedDatasetResponse(String instrument, String timeframe, long deleted) {
}
