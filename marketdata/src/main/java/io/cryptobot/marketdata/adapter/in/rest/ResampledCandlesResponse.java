package io.cryptobot.marketdata.adapter.in.rest;

import java.util.List;

/**
 * One page of candles computed from stored finer ones ({@code source}); {@code incomplete} lists the buckets left
 * out because some of their source candles are not stored; {@code next} (epoch ms, null at the end) is the
 * {@code from} of the following page.
 */
public record ResampledCandlesResponse(String instrument, String timeframe, String source, long from, long to,
                                       int count, List<CandleResponse> candles, List<IncompleteResponse> incomplete,
                                       Long next) {

    /** A bucket opening at {@code openTime} of which only {@code present} of {@code expected} candles are stored. */
    public record IncompleteResponse(String openTime, long openTimeMillis, long present, long expected) {
    }
}
