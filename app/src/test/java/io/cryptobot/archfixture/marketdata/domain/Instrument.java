package io.cryptobot.archfixture.marketdata.domain;

import io.cryptobot.archfixture.kernel.domain.Money;

/** Allowed: own domain and kernel domain. */
public record Instrument(String symbol, Money tick) {
}
