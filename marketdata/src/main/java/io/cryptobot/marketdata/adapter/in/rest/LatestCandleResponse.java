package io.cryptobot.marketdata.adapter.in.rest;

public record LatestCandleResponse(String instrument, String timeframe, String price, CandleResponse candle) {
}
