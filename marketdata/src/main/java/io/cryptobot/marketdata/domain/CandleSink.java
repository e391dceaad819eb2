package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Candle;

/** Receives candles one at a time, in the order a file or a generator produces them. */
@FunctionalInterface
public interface CandleSink {
    void accept(Candle candle);
}
