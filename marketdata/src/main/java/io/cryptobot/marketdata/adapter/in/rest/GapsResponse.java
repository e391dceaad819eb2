package io.cryptobot.marketdata.adapter.in.rest;

import java.util.List;

public record GapsResponse(String instrument, String timeframe, String from, String to, long missing,
                           List<GapResponse> gaps) {

    /** Missing candles from {@code start} (inclusive) to {@code end} (exclusive). */
    public record GapResponse(String start, String end, long startMillis, long endMillis, long missing) {
    }
}
