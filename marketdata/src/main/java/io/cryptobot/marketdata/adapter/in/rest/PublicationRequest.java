package io.cryptobot.marketdata.adapter.in.rest;

/**
 * Whose private dataset to publish: the user id of its owner, the instrument ({@code VENUE:BASE/QUOTE}) and the
 * timeframe.
 */
public record PublicationRequest(String owner, String instrument, String timeframe) {
}
