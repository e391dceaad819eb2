package io.cryptobot.marketdata.adapter.out.persistence;

/** Where a read hands its candles, one row of fixed-point units at a time, in ascending open time. */
@FunctionalInterface
interface CandleRows {
    void row(long openTime, long open, long high, long low, long close, long volume);
}
