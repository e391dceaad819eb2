package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.marketdata.domain.VenueListing;

public interface SaveVenueListingPort {
    /** Stores the listing of a catalog instrument, replacing the one before. */
    void save(VenueListing listing);
}
