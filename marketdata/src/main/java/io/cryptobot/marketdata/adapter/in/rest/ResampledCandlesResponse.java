package io.cryptobot.marketdata.adapter.in.rest;

import java.time.Instant;
import java.util.List;

/**
 * One page of candles computed from stored finer ones ({@code source}), paged by time like a stored range:
 * {@code incomplete} lists the buckets left out because some of their source candles are not stored; {@code next}
 * (null at the end of the range) is the {@code from} of the following page.
 */
public record ResampledCandlesResponse(String instrument, String timeframe, String source, Instant from, Instant to,
                                       int count, List<CandleResponse> candles, List<IncompleteResponse> incomplete,
                                       Instant next) {

    /** A bucket opening at {@code openTime} of which only {@code present} of {@code expected} candles are stored. */
    public record IncompleteResponse(Instant openTime, long present, long expected) {
    }
}
