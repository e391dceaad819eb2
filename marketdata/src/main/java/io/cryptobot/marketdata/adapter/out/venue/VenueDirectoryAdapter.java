package io.cryptobot.marketdata.adapter.out.venue;

import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.marketdata.application.port.out.FindVenuesPort;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@link VenueMarketData} bean of the application (the venue adapters in {@code exchange}, the simulated
 * venue), by its venue code. Two beans claiming one venue are a wiring mistake: the application refuses to use
 * either rather than pick one silently.
 */
@ApplicationScoped
class VenueDirectoryAdapter implements FindVenuesPort {
    private final Instance<VenueMarketData> beans;
    private volatile Map<Venue, VenueMarketData> byVenue;

    VenueDirectoryAdapter(@Any Instance<VenueMarketData> beans) {
        this.beans = beans;
    }

    @Override
    public Option<VenueMarketData> venue(Venue venue) {
        return Option.of(directory().get(venue));
    }

    @Override
    public List<VenueMarketData> all() {
        return new ArrayList<>(directory().values());
    }

    private Map<Venue, VenueMarketData> directory() {
        Map<Venue, VenueMarketData> known = byVenue;
        if (known == null) {
            Map<Venue, VenueMarketData> found = new LinkedHashMap<>();
            for (VenueMarketData venue : beans) {
                VenueMarketData other = found.putIfAbsent(venue.venue(), venue);
                if (other != null) {
                    throw new IllegalStateException("two market-data adapters for " + venue.venue() + ": "
                            + other.getClass().getName() + " and " + venue.getClass().getName());
                }
            }
            known = Map.copyOf(found);
            byVenue = known;
        }
        return known;
    }
}
