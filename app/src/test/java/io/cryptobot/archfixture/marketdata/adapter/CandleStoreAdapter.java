package io.cryptobot.archfixture.marketdata.adapter;

public class CandleStoreAdapter {
    public int count() {
        return 0;
    }
}
