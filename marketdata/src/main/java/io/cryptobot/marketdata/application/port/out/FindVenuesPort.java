package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.vavr.control.Option;
import java.util.List;

/** The venues whose public market data this instance can read (one adapter each). */
public interface FindVenuesPort {
    Option<VenueMarketData> venue(Venue venue);

    List<VenueMarketData> all();
}
