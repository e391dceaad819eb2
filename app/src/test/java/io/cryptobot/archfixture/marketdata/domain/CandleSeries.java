package io.cryptobot.archfixture.marketdata.domain;

/** Allowed: a plain domain type, used from downstream by the fixture's session and engine. */
public record CandleSeries(int size) {
}
