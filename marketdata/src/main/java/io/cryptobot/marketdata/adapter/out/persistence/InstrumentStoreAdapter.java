package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.SaveInstrumentPort;
import io.cryptobot.marketdata.domain.Instrument;
import io.vavr.control.Option;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The instrument catalog. Instruments are never deleted, and their tick and step never change once defined, so
 * their database ids are cached for the candle store, which needs one per call. (The venue's listing, kept in the same
 * rows, changes; {@link VenueListingStoreAdapter} reads and writes it.)
 */
@ApplicationScoped
class InstrumentStoreAdapter implements LoadInstrumentPort, SaveInstrumentPort {
    private static final String COLUMNS = "id, venue, base, quote, tick_units, price_scale, step_units, quantity_scale";
    private final Pool pool;
    private final ConcurrentMap<InstrumentId, Long> ids = new ConcurrentHashMap<>();
    /**
     * Instruments found, kept: a defined instrument's tick and step are never updated (they fix the scales of every
     * stored candle and order) and it is never deleted, so a kept one is never stale. Absent ones are not kept.
     */
    private final ConcurrentMap<InstrumentId, Instrument> known = new ConcurrentHashMap<>();

    InstrumentStoreAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public boolean insertIfAbsent(Instrument instrument) {
        RowSet<Row> rows = pool.preparedQuery("INSERT INTO marketdata.instruments "
                        + "(venue, base, quote, tick_units, price_scale, step_units, quantity_scale) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (venue, base, quote) DO NOTHING RETURNING id")
                .executeAndAwait(Tuple.tuple(List.of(instrument.id().venue().code(), instrument.id().base().code(),
                        instrument.id().quote().code(), instrument.tickSize().units(), (short) instrument.priceScale(),
                        instrument.stepSize().units(), (short) instrument.quantityScale())));
        if (rows.rowCount() == 0) {
            return false;
        }
        ids.put(instrument.id(), rows.iterator().next().getLong(0));
        return true;
    }

    @Override
    public Option<Instrument> load(InstrumentId id) {
        Instrument kept = known.get(id);
        if (kept != null) {
            return Option.some(kept);
        }
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS
                        + " FROM marketdata.instruments WHERE venue = $1 AND base = $2 AND quote = $3")
                .executeAndAwait(Tuple.of(id.venue().code(), id.base().code(), id.quote().code()));
        if (rows.rowCount() == 0) {
            return Option.none();
        }
        Instrument found = map(rows.iterator().next());
        known.put(id, found);
        return Option.some(found);
    }

    @Override
    public Page<Instrument> list(PageRequest page) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS
                        + " FROM marketdata.instruments ORDER BY venue, base, quote OFFSET $1 LIMIT $2")
                .executeAndAwait(Tuple.of(page.offset(), page.limit()));
        List<Instrument> items = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> items.add(map(row)));
        long total = pool.query("SELECT count(*) FROM marketdata.instruments").executeAndAwait()
                .iterator().next().getLong(0);
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    @Override
    public List<Instrument> ofVenue(Venue venue) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS
                        + " FROM marketdata.instruments WHERE venue = $1 ORDER BY base, quote")
                .executeAndAwait(Tuple.of(venue.code()));
        List<Instrument> items = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> items.add(map(row)));
        return items;
    }

    /** The database id of a stored instrument. */
    long idOf(Instrument instrument) {
        Long cached = ids.get(instrument.id());
        if (cached != null) {
            return cached;
        }
        load(instrument.id()).getOrElseThrow(() -> new IllegalStateException("instrument " + instrument
                + " is not stored"));
        return ids.get(instrument.id());
    }

    private Instrument map(Row row) {
        Instrument instrument = new Instrument(
                new InstrumentId(new Venue(row.getString("venue")), new Asset(row.getString("base")),
                        new Asset(row.getString("quote"))),
                new Price(row.getLong("tick_units"), row.getShort("price_scale")),
                new Quantity(row.getLong("step_units"), row.getShort("quantity_scale")));
        ids.putIfAbsent(instrument.id(), row.getLong("id"));
        return instrument;
    }
}
