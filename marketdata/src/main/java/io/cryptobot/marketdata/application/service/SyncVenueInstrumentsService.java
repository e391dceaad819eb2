package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.marketdata.application.port.in.SyncVenueInstrumentsUseCase;
import io.cryptobot.marketdata.application.port.out.FindVenuesPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Every venue in turn. A venue that cannot answer is logged once when it starts failing and once when it answers
 * again, not at every round (an instance without internet would otherwise log every interval).
 */
@ApplicationScoped
class SyncVenueInstrumentsService implements SyncVenueInstrumentsUseCase {
    private static final Logger LOG = Logger.getLogger(SyncVenueInstrumentsService.class.getName());
    private final FindVenuesPort venues;
    private final LoadInstrumentPort instruments;
    private final VenueInstrumentSync sync;
    private final Set<Venue> failing = ConcurrentHashMap.newKeySet();

    SyncVenueInstrumentsService(FindVenuesPort venues, LoadInstrumentPort instruments, VenueInstrumentSync sync) {
        this.venues = venues;
        this.instruments = instruments;
        this.sync = sync;
    }

    @Override
    public List<VenueSync> syncAll() {
        List<VenueSync> rounds = new ArrayList<>();
        for (VenueMarketData venue : venues.all()) {
            if (instruments.ofVenue(venue.venue()).isEmpty()) {
                continue;
            }
            Either<VenueFailure, VenueInstrumentSync.Round> round = sync.sync(venue);
            if (round.isLeft()) {
                if (failing.add(venue.venue())) {
                    LOG.warning("Instrument sync: " + venue.venue() + " gave no symbol list ("
                            + round.getLeft().describe() + "); its instruments keep their last known status");
                }
                rounds.add(new VenueSync(venue.venue(), 0, 0, Option.some(round.getLeft().describe())));
            } else {
                if (failing.remove(venue.venue())) {
                    LOG.info("Instrument sync: " + venue.venue() + " answers again");
                }
                rounds.add(new VenueSync(venue.venue(), round.get().instruments(), round.get().statusChanges(),
                        Option.none()));
            }
        }
        return rounds;
    }
}
