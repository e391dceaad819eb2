package io.cryptobot.marketdata.domain;

/**
 * A coarse candle that was not computed because some of its fine candles are missing: {@code present} of the
 * {@code expected} fine candles opening in [openTime, next open) were there.
 */
public record IncompleteBucket(long openTime, long present, long expected) {
    public IncompleteBucket {
        if (present < 1 || present >= expected) {
            throw new IllegalArgumentException("an incomplete bucket has some but not all of its candles");
        }
    }
}
