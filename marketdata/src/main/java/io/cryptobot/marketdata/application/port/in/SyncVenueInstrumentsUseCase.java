package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.Venue;
import io.vavr.control.Option;
import java.util.List;
import java.util.Objects;

/**
 * Refreshes, from each venue's symbol list, the venue rules and trading status of the catalog's instruments on that
 * venue (tick, step, minimum notional; TRADING, HALTED or DELISTED, the latter also when the venue no longer lists the
 * pair). A status change is published ({@link io.cryptobot.marketdata.domain.event.InstrumentStatusChanged}) and
 * logged. Venues without a catalog instrument are not asked.
 */
public interface SyncVenueInstrumentsUseCase {
    List<VenueSync> syncAll();

    /** One venue's round: how many catalog instruments were refreshed, or why the venue gave no list. */
    record VenueSync(Venue venue, int instruments, int statusChanges, Option<String> failure) {
        public VenueSync {
            Objects.requireNonNull(venue, "venue");
            Objects.requireNonNull(failure, "failure");
        }
    }
}
