package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.PriceBand;
import io.cryptobot.kernel.domain.market.VenueSymbol.Status;
import io.cryptobot.marketdata.application.port.out.LoadVenueListingPort;
import io.cryptobot.marketdata.application.port.out.SaveVenueListingPort;
import io.cryptobot.marketdata.domain.VenueListing;
import io.cryptobot.marketdata.domain.VenueRules;
import io.vavr.control.Option;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Venue listings, stored in the {@code venue_*} columns of {@code marketdata.instruments} and all kept in memory:
 * "may a position be opened" is asked at every signal, and listings change only through {@link #save} (the
 * instrument sync, in this single instance), which writes the row first and then the kept copy. Decimals are written
 * as {@link BigDecimal} and read back as text, so no binary floating point touches them.
 */
@ApplicationScoped
class VenueListingStoreAdapter implements LoadVenueListingPort, SaveVenueListingPort {
    private final Pool pool;
    private final Map<InstrumentId, VenueListing> kept = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    VenueListingStoreAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Option<VenueListing> load(InstrumentId instrument) {
        loadAllOnce();
        return Option.of(kept.get(instrument));
    }

    @Override
    public void save(VenueListing listing) {
        Option<VenueRules> rules = listing.rules();
        Option<PriceBand> band = rules.flatMap(VenueRules::priceBand);
        List<Object> values = new ArrayList<>(16);
        values.add(listing.instrument().venue().code());
        values.add(listing.instrument().base().code());
        values.add(listing.instrument().quote().code());
        values.add(rules.map(VenueRules::venueSymbol).getOrNull());
        values.add(rules.map(VenueRules::tickSize).getOrNull());
        values.add(rules.map(VenueRules::stepSize).getOrNull());
        values.add(rules.flatMap(VenueRules::minNotional).getOrNull());
        values.add(listing.status().name().toLowerCase(Locale.ROOT));
        values.add(listing.listed());
        values.add(listing.statusSince().atOffset(ZoneOffset.UTC));
        values.add(listing.syncedAt().atOffset(ZoneOffset.UTC));
        values.add(band.map(PriceBand::bidUp).getOrNull());
        values.add(band.map(PriceBand::bidDown).getOrNull());
        values.add(band.map(PriceBand::askUp).getOrNull());
        values.add(band.map(PriceBand::askDown).getOrNull());
        values.add(band.map(PriceBand::averageMinutes).getOrNull());
        RowSet<Row> updated = pool.preparedQuery("UPDATE marketdata.instruments SET venue_symbol = $4, "
                        + "venue_tick = $5::numeric, venue_step = $6::numeric, venue_min_notional = $7::numeric, "
                        + "venue_status = $8, venue_listed = $9, venue_status_since = $10, venue_synced_at = $11, "
                        + "venue_band_bid_up = $12::numeric, venue_band_bid_down = $13::numeric, "
                        + "venue_band_ask_up = $14::numeric, venue_band_ask_down = $15::numeric, "
                        + "venue_band_avg_minutes = $16 WHERE venue = $1 AND base = $2 AND quote = $3")
                .executeAndAwait(Tuple.tuple(values));
        if (updated.rowCount() == 0) {
            throw new IllegalStateException("instrument " + listing.instrument() + " is not in the catalog");
        }
        loadAllOnce();
        kept.put(listing.instrument(), listing);
    }

    private void loadAllOnce() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            RowSet<Row> rows = pool.query("SELECT venue, base, quote, venue_symbol, venue_tick::text, "
                    + "venue_step::text, venue_min_notional::text, venue_status, venue_listed, venue_status_since, "
                    + "venue_synced_at, venue_band_bid_up::text, venue_band_bid_down::text, venue_band_ask_up::text, "
                    + "venue_band_ask_down::text, venue_band_avg_minutes FROM marketdata.instruments WHERE venue_status IS NOT NULL").executeAndAwait();
            for (Row row : rows) {
                VenueListing listing = map(row);
                kept.putIfAbsent(listing.instrument(), listing);
            }
            loaded = true;
        }
    }

    private static VenueListing map(Row row) {
        InstrumentId id = new InstrumentId(new Venue(row.getString(0)), new Asset(row.getString(1)),
                new Asset(row.getString(2)));
        Option<VenueRules> rules = Option.of(row.getString(3)).map(symbol -> new VenueRules(symbol,
                new BigDecimal(row.getString(4)), new BigDecimal(row.getString(5)),
                Option.of(row.getString(6)).map(BigDecimal::new),
                Option.of(row.getString(11)).map(up -> new PriceBand(new BigDecimal(up),
                        new BigDecimal(row.getString(12)), new BigDecimal(row.getString(13)),
                        new BigDecimal(row.getString(14)), row.getInteger(15)))));
        return new VenueListing(id, rules, Status.valueOf(row.getString(7).toUpperCase(Locale.ROOT)),
                row.getBoolean(8), row.getOffsetDateTime(9).toInstant(), row.getOffsetDateTime(10).toInstant());
    }
}
