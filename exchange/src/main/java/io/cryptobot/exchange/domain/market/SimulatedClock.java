package io.cryptobot.exchange.domain.market;

import java.time.Instant;
import java.util.Objects;

/**
 * The simulated venue's time: the wall clock at {@code speed} 1, otherwise running {@code speed} times faster from
 * {@code anchor} (the moment the venue started), so a one-minute candle closes every {@code 60 / speed} seconds. A
 * restart anchors again at the new start: the venue's clock then restarts at the wall clock, behind candles a fast
 * run already produced (those keep their values, being a function of their open time).
 */
public record SimulatedClock(Instant anchor, long speed) {
    public static final long MAX_SPEED = 10_000;

    public SimulatedClock {
        Objects.requireNonNull(anchor, "anchor");
        if (speed < 1 || speed > MAX_SPEED) {
            throw new IllegalArgumentException("speed must be between 1 and " + MAX_SPEED + ", got " + speed);
        }
    }

    /** The venue's time when the wall clock says {@code wall}. */
    public long venueMillis(long wall) {
        return speed == 1 ? wall : anchor.toEpochMilli() + (wall - anchor.toEpochMilli()) * speed;
    }

    /** Wall milliseconds until the venue's clock reaches {@code venueMillis} (zero if it has). */
    public long wallMillisUntil(long venueTarget, long wall) {
        long ahead = venueTarget - venueMillis(wall);
        return ahead <= 0 ? 0 : (ahead + speed - 1) / speed;
    }
}
