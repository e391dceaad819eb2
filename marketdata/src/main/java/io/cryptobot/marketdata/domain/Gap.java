package io.cryptobot.marketdata.domain;

/** Candles missing from {@code start} (inclusive, the first missing open time) to {@code end} (exclusive). */
public record Gap(long start, long end, long missing) {
    public Gap {
        if (end <= start || missing < 1) {
            throw new IllegalArgumentException("a gap spans at least one candle");
        }
    }
}
