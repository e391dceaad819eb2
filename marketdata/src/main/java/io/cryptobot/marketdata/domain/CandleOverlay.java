package io.cryptobot.marketdata.domain;

import java.util.Objects;

/**
 * A user's view of one series, built while the shared candles stream past: the user's own candles (read first, in
 * ascending open time) are laid over the shared ones, and where both have a candle at one open time the user's
 * wins. The result keeps ascending open time and holds at most {@code limit} candles, which is why it is enough
 * to read at most {@code limit} candles of each side.
 *
 * <p>One pass, no sort and no lookup: each shared candle is compared with the next own candle only.
 */
public final class CandleOverlay {
    private final CandleBatch own;
    private final CandleBatch into;
    private final int limit;
    private int nextOwn;
    private boolean sharedSeen;

    /** {@code own} ascending; {@code into} empty and of the same scales. */
    public CandleOverlay(CandleBatch own, CandleBatch into, int limit) {
        this.own = Objects.requireNonNull(own, "own");
        this.into = Objects.requireNonNull(into, "into");
        if (limit < 1 || !into.isEmpty() || own.priceScale() != into.priceScale()
                || own.quantityScale() != into.quantityScale()) {
            throw new IllegalArgumentException("the overlay needs a positive limit and an empty batch of the same "
                    + "scales");
        }
        this.limit = limit;
    }

    /** The next shared candle, in ascending open time; candles past the limit are ignored. */
    public void shared(long openTime, long open, long high, long low, long close, long volume) {
        sharedSeen = true;
        while (nextOwn < own.size() && own.openTime(nextOwn) < openTime && into.size() < limit) {
            copyOwn();
        }
        if (into.size() >= limit) {
            return;
        }
        if (nextOwn < own.size() && own.openTime(nextOwn) == openTime) {
            copyOwn();
        } else {
            into.add(openTime, open, high, low, close, volume);
        }
    }

    /**
     * The view, once every shared candle was offered: the remaining own candles appended up to the limit. With no
     * shared candle at all, the own batch itself (no copy).
     */
    public CandleBatch finish() {
        if (!sharedSeen && own.size() <= limit) {
            return own;
        }
        while (nextOwn < own.size() && into.size() < limit) {
            copyOwn();
        }
        return into;
    }

    private void copyOwn() {
        int i = nextOwn++;
        into.add(own.openTime(i), own.open(i), own.high(i), own.low(i), own.close(i), own.volume(i));
    }
}
