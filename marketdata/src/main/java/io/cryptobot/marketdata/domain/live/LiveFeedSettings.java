package io.cryptobot.marketdata.domain.live;

import java.time.Duration;
import java.util.Objects;

/**
 * How live feeds behave (settings {@code cryptobot.marketdata.live.*}).
 *
 * @param lateAfter a candle passed on more than this after its close is flagged late
 * @param checkEvery how often feeds look at the venue's clock: staleness, retries of failed fetches, polling a
 *                   silent stream, storing what was received
 * @param storeBatch received candles stored in one transaction at most; a feed also stores at every check
 * @param startBackfillCandles a feed starting after a stored candle at most this many intervals old fills the gap
 *                             from the venue first (older stores are left to history downloads)
 * @param keptCandles candles a feed keeps in memory (beyond those not yet stored) for subscribers catching up
 * @param clockMaxAge a check places the venue's "now" by the offset to its clock read at most this long ago, and asks
 *                    the venue's time again when the reading is older (zero: at every check)
 */
public record LiveFeedSettings(Duration lateAfter, Duration checkEvery, int storeBatch, int startBackfillCandles,
                               int keptCandles, Duration clockMaxAge) {
    public LiveFeedSettings {
        Objects.requireNonNull(lateAfter, "lateAfter");
        Objects.requireNonNull(checkEvery, "checkEvery");
        Objects.requireNonNull(clockMaxAge, "clockMaxAge");
        if (lateAfter.isNegative() || checkEvery.toMillis() < 1 || storeBatch < 1 || startBackfillCandles < 0
                || keptCandles < 0 || clockMaxAge.isNegative()) {
            throw new IllegalArgumentException("live feed settings out of range");
        }
    }
}
