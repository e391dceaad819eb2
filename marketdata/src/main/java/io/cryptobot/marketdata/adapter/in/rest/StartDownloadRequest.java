package io.cryptobot.marketdata.adapter.in.rest;

/**
 * A download as a client sends it: {@code instrument} as {@code VENUE:BASE/QUOTE}, {@code timeframe} as Binance names
 * it, {@code from} and {@code to} as ISO-8601 instants or epoch ms ({@code to} defaults to now), {@code fillGaps} to
 * fetch only what the gap report finds missing.
 */
public record StartDownloadRequest(String instrument, String timeframe, String from, String to, Boolean fillGaps) {
}
