package io.cryptobot.marketdata.adapter.in.rest;

import java.time.Instant;
import java.util.List;

public record GapsResponse(String instrument, String timeframe, Instant from, Instant to, long missing,
                           List<GapResponse> gaps) {

    /** Missing candles from {@code start} (inclusive) to {@code end} (exclusive). */
    public record GapResponse(Instant start, Instant end, long missing) {
    }
}
