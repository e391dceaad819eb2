package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.IdGenerator;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.cryptobot.kernel.domain.market.VenueSymbol.Status;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.LoadVenueListingPort;
import io.cryptobot.marketdata.application.port.out.PublishInstrumentStatusPort;
import io.cryptobot.marketdata.application.port.out.SaveVenueListingPort;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.VenueListing;
import io.cryptobot.marketdata.domain.event.InstrumentStatusChanged;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One venue's round of the instrument sync: asks for its symbols once and refreshes the listing of every catalog
 * instrument of that venue from them. Shared by the periodic sync and by downloads (which ask when an instrument has
 * no listing yet). Rounds of one venue run one at a time, so two never interleave their reads and writes.
 */
@ApplicationScoped
class VenueInstrumentSync {
    private static final Logger LOG = Logger.getLogger(VenueInstrumentSync.class.getName());
    private final LoadInstrumentPort instruments;
    private final LoadVenueListingPort listings;
    private final SaveVenueListingPort saved;
    private final PublishInstrumentStatusPort events;
    private final IdGenerator ids;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    VenueInstrumentSync(LoadInstrumentPort instruments, LoadVenueListingPort listings, SaveVenueListingPort saved,
                        PublishInstrumentStatusPort events, IdGenerator ids, Clock clock) {
        this.instruments = instruments;
        this.listings = listings;
        this.saved = saved;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    record Round(List<VenueSymbol> symbols, int instruments, int statusChanges) {
    }

    Either<VenueFailure, Round> sync(VenueMarketData venue) {
        synchronized (lockOf(venue)) {
            Either<VenueFailure, io.vavr.collection.List<VenueSymbol>> answer = venue.symbols();
            if (answer.isLeft()) {
                return Either.left(answer.getLeft());
            }
            Map<InstrumentId, VenueSymbol> byInstrument = new HashMap<>();
            answer.get().forEach(symbol -> byInstrument.put(symbol.instrument(), symbol));
            Instant now = clock.now();
            int changes = 0;
            List<Instrument> catalog = instruments.ofVenue(venue.venue());
            for (Instrument instrument : catalog) {
                if (refresh(instrument, Option.of(byInstrument.get(instrument.id())), now)) {
                    changes++;
                }
            }
            return Either.right(new Round(answer.get().toJavaList(), catalog.size(), changes));
        }
    }

    /** Stores the listing of an instrument just defined from the venue's symbol. */
    void listed(Instrument instrument, VenueSymbol symbol) {
        refresh(instrument, Option.some(symbol), clock.now());
    }

    /** Returns whether the status changed. */
    private boolean refresh(Instrument instrument, Option<VenueSymbol> symbol, Instant now) {
        Option<VenueListing> before = listings.load(instrument.id());
        VenueListing after = symbol.map(s -> VenueListing.seen(s, before, now))
                .getOrElse(() -> VenueListing.missing(instrument.id(), before, now));
        saved.save(after);
        Option<String> mismatch = after.mismatch(instrument);
        if (mismatch.isDefined() && !before.flatMap(b -> b.mismatch(instrument)).equals(mismatch)) {
            LOG.warning("Instrument " + instrument.id() + ": " + mismatch.get());
        }
        if (!after.statusChangedFrom(before)) {
            return false;
        }
        Status previous = before.map(VenueListing::status).getOrElse(Status.TRADING);
        String reason = after.listed() ? "the venue reports it " + after.status().name().toLowerCase()
                : "the venue no longer lists it";
        LOG.log(after.status().trading() ? Level.INFO : Level.WARNING, "Instrument " + instrument.id() + ": "
                + previous + " -> " + after.status() + " (" + reason + ")"
                + (after.status().trading() ? "" : "; no new positions are opened on it"));
        events.publish(new InstrumentStatusChanged(EventMeta.next(ids, clock), instrument.id(), previous,
                after.status(), reason));
        return true;
    }

    private Object lockOf(VenueMarketData venue) {
        return locks.computeIfAbsent(venue.venue().code(), code -> new Object());
    }
}
