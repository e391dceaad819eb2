package io.cryptobot.marketdata.adapter.in.rest;

import java.util.List;

/** One page of candles; {@code next} (epoch ms, null at the end) is the {@code from} of the following page. */
public record CandlesResponse(String instrument, String timeframe, long from, long to, int count,
                              List<CandleResponse> candles, Long next) {
}
