package io.cryptobot.marketdata.adapter.out.venue;

import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.marketdata.application.port.out.VenueMarketDataPort;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;

/**
 * The venue adapters the exchange context provides (every {@link VenueMarketData} bean whose venue is enabled in
 * configuration; a disabled one is not looked up), by venue code, found once on first use.
 */
@ApplicationScoped
class VenueDirectoryAdapter implements VenueMarketDataPort {
    private final Instance<VenueMarketData> adapters;
    private volatile Map<Venue, VenueMarketData> byVenue;

    VenueDirectoryAdapter(@Any Instance<VenueMarketData> adapters) {
        this.adapters = adapters;
    }

    @Override
    public Option<VenueMarketData> venue(Venue venue) {
        Map<Venue, VenueMarketData> found = byVenue;
        if (found == null) {
            found = new HashMap<>();
            for (VenueMarketData adapter : adapters) {
                VenueMarketData other = found.putIfAbsent(adapter.venue(), adapter);
                if (other != null) {
                    throw new IllegalStateException("two market-data adapters for venue " + adapter.venue() + ": "
                            + other.getClass().getName() + " and " + adapter.getClass().getName());
                }
            }
            byVenue = found;
        }
        return Option.of(found.get(venue));
    }
}
