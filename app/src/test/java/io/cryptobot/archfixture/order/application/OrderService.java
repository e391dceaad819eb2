package io.cryptobot.archfixture.order.application;

import io.cryptobot.archfixture.marketdata.domain.Instrument;

/** Violates "other contexts only through ports in": reaches into marketdata's domain internals. */
public class OrderService {
    public String symbolOf(Instrument instrument) {
        return instrument.symbol();
    }
}
