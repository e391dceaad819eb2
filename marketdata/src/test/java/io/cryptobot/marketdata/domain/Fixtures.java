package io.cryptobot.marketdata.domain;

final class Fixtures {
    private Fixtures() {
    }

    /** BTC/USDT as Binance trades it: tick 0.01, step 0.00001. */
    static Instrument btcUsdt() {
        return Instrument.define("BINANCE", "BTC", "USDT", "0.01", "0.00001").get();
    }
}
