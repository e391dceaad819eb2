package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.marketdata.domain.VenueListing;
import io.vavr.control.Option;

public interface LoadVenueListingPort {
    /** The instrument's last synced venue listing; none before its first sync. */
    Option<VenueListing> load(InstrumentId instrument);
}
