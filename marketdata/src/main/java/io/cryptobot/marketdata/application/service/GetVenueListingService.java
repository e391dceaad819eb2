package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.marketdata.application.port.in.GetVenueListingQuery;
import io.cryptobot.marketdata.application.port.out.LoadVenueListingPort;
import io.cryptobot.marketdata.domain.VenueListing;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class GetVenueListingService implements GetVenueListingQuery {
    private final LoadVenueListingPort listings;

    GetVenueListingService(LoadVenueListingPort listings) {
        this.listings = listings;
    }

    @Override
    public Option<VenueListing> listing(InstrumentId instrument) {
        return listings.load(instrument);
    }
}
