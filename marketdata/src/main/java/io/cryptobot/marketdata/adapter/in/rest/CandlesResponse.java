package io.cryptobot.marketdata.adapter.in.rest;

import java.time.Instant;
import java.util.List;

/**
 * One page of a time range of candles, read by time rather than by offset (a range may hold millions):
 * {@code next} (null at the end of the range) is the {@code from} of the following page.
 */
public record CandlesResponse(String instrument, String timeframe, Instant from, Instant to, int count,
                              List<CandleResponse> candles, Instant next) {
}
