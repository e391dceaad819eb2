package io.cryptobot.exchange.adapter.out.venue;

import io.cryptobot.exchange.domain.connection.ClockReading;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The offset between a venue's clock and ours, as last read: the venue's time now without a request while the
 * reading is recent. Clocks drift by milliseconds a day, so a reading a minute old places the venue's "now" as well
 * as a new one; asking every second cost a request a second per venue for nothing.
 */
public final class VenueClockOffset {
    private final Clock clock;
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant measuredAt;

    public VenueClockOffset(Clock clock) {
        this.clock = clock;
    }

    /** Remembers a reading: the venue's time is then our clock plus the reading's offset. */
    public ClockReading remember(ClockReading reading, Instant at) {
        offset = reading.skew().negated();
        measuredAt = at;
        return reading;
    }

    /**
     * The venue's time now by the offset read less than {@code maxAge} ago; otherwise read again with {@code read} (its
     * failure answered as it is, the last offset kept).
     */
    public Either<VenueFailure, Instant> now(Duration maxAge, Supplier<Either<VenueFailure, ClockReading>> read) {
        Instant measured = measuredAt;
        Instant now = clock.now();
        if (measured != null && Duration.between(measured, now).compareTo(maxAge) < 0) {
            return Either.right(now.plus(offset));
        }
        return read.get().map(ClockReading::venueTime);
    }

    /** The venue's time now by the last offset read (none read: our clock). */
    public Instant lastKnownNow() {
        return clock.now().plus(offset);
    }

    /** When the offset was last read, or null. */
    public Instant measuredAt() {
        return measuredAt;
    }
}
