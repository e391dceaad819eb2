package io.cryptobot.archfixture.order.adapter;

import io.cryptobot.archfixture.marketdata.adapter.CandleStoreAdapter;

/** Violates "adapters stay in their context": calls marketdata's adapter. */
public class OrderResource {
    public int candles() {
        return new CandleStoreAdapter().count();
    }
}
