package io.cryptobot.marketdata.adapter.in.rest;

/**
 * A seeded synthetic series. {@code from} is ISO-8601 (epoch ms accepted too); {@code volatility} (default 0.001)
 * and {@code drift} (default 0) are per candle (standard deviation and mean of the log return), decimal strings
 * like every non-integer of the API (JSON numbers are accepted too); {@code baseVolume} defaults to 10;
 * {@code dataset} is {@code private} (the default: the caller's own dataset) or {@code shared} (admins only).
 */
public record SyntheticRequest(String instrument, String timeframe, String from, Integer count, Long seed,
                               String startPrice, String volatility, String drift, String baseVolume,
                               String dataset) {
}
