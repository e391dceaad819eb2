package io.cryptobot.bot.domain.session;

import io.cryptobot.kernel.domain.EventMeta;
import java.time.Instant;
import java.util.UUID;

/**
 * The session's time and ids. Time is the open time of the last step played (no wall clock), and moves only
 * forward; the session trades from {@code tradingStart} on (a live feed's session learns it from its first candle to
 * trade on, {@link #tradeFrom}). Every id the session issues (order ids, correlation
 * ids, event ids) draws on one sequence under the session's {@code idSeed}, in the order the session acts, so the
 * same candles and inputs give the same ids: a re-run or a rebuild after a restart is bit-identical.
 */
final class SessionClock {
    private final long idSeed;
    private long tradingStart;
    private long now = Long.MIN_VALUE;
    private boolean trading;
    private long sequence;

    SessionClock(long idSeed, long tradingStart) {
        this.idSeed = idSeed;
        this.tradingStart = tradingStart;
    }

    void advanceTo(long time) {
        if (time <= now) {
            throw new IllegalArgumentException("steps must move forward in time: " + time + " after " + now);
        }
        now = time;
        trading = time >= tradingStart;
    }

    /**
     * Trading starts with the step at {@code start}: allowed only before trading started, and only for a step after
     * the last one played (the steps before were the warm-up).
     */
    void tradeFrom(long start) {
        if (trading || start <= now) {
            throw new IllegalStateException("trading cannot start at " + start + " after step " + now
                    + (trading ? " (it started at " + tradingStart + ")" : ""));
        }
        tradingStart = start;
    }

    long tradingStart() {
        return tradingStart;
    }

    /** The open time of the last step played, or {@link Long#MIN_VALUE} before the first. */
    long now() {
        return now;
    }

    /** Whether the last step played is past the warm-up. */
    boolean trading() {
        return trading;
    }

    long idSeed() {
        return idSeed;
    }

    /** The next number of the sequence, for an order the strategy places (its ids derive from it). */
    long nextNumber() {
        return ++sequence;
    }

    /** A fresh event id and the current time. */
    EventMeta meta() {
        return new EventMeta(new UUID(idSeed, ++sequence | 1L << 61), Instant.ofEpochMilli(now));
    }
}
