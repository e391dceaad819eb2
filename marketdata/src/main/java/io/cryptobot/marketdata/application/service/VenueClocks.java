package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The venues' clocks as the feeds see them: our clock plus the offset last measured against the venue's own time
 * (candles close, and feeds go stale, by the venue's clock). Sampled when a feed starts, reconnects and at every
 * check, by the adapter's offset while it was read within {@code maxAge} (the venue asked again when older: a
 * request a minute, not a second); until a measurement succeeds, and whenever one fails, the last offset (or none)
 * stands.
 */
final class VenueClocks {
    private final Clock clock;
    private final Duration maxAge;
    private final ConcurrentHashMap<Venue, Long> offsets = new ConcurrentHashMap<>();

    VenueClocks(Clock clock, Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The venue's time (may call the venue: from a feed's worker, never a request thread). */
    long sample(VenueMarketData venue) {
        long before = clock.now().toEpochMilli();
        return venue.serverTime(maxAge).fold(failure -> now(venue.venue(), before), time -> {
            offsets.put(venue.venue(), time.toEpochMilli() - before);
            return time.toEpochMilli();
        });
    }

    long now(Venue venue) {
        return now(venue, clock.now().toEpochMilli());
    }

    long now(Venue venue, long wall) {
        return wall + offsets.getOrDefault(venue, 0L);
    }
}
