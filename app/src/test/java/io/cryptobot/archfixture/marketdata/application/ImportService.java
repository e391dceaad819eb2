package io.cryptobot.archfixture.marketdata.application;

import io.cryptobot.archfixture.marketdata.adapter.CandleStoreAdapter;

/** Violates "layers point inward": application calls its adapter directly. */
public class ImportService {
    private final CandleStoreAdapter store = new CandleStoreAdapter();

    public int stored() {
        return store.count();
    }
}
