package io.cryptobot.marketdata.adapter.in.rest;

/**
 * A seeded synthetic series. {@code from} is ISO-8601 or epoch ms; {@code volatility} and {@code drift} are per
 * candle (standard deviation and mean of the log return); {@code baseVolume} defaults to 10; {@code dataset} is
 * {@code private} (the default: the caller's own dataset) or {@code shared} (admins only).
 */
public record SyntheticRequest(String instrument, String timeframe, String from, Integer count, Long seed,
                               String startPrice, Double volatility, Double drift, String baseVolume,
                               String dataset) {
}
