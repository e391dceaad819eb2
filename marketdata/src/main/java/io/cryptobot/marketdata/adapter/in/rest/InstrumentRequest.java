package io.cryptobot.marketdata.adapter.in.rest;

/** Steps are decimal strings ({@code "0.01"}) so that no binary floating point ever touches them. */
public record InstrumentRequest(String venue, String base, String quote, String tickSize, String stepSize) {
}
