package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.vavr.control.Option;

/** The venues whose public market data this instance can read (configured and enabled), by venue code. */
public interface VenueMarketDataPort {
    Option<VenueMarketData> venue(Venue venue);
}
