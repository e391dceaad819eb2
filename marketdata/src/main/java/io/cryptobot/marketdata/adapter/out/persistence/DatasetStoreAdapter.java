package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.marketdata.application.port.out.DeleteDatasetPort;
import io.cryptobot.marketdata.application.port.out.LoadDatasetsPort;
import io.cryptobot.marketdata.application.port.out.LoadPublicationsPort;
import io.cryptobot.marketdata.application.port.out.PublishDatasetPort;
import io.cryptobot.marketdata.domain.Dataset;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.Publication;
import io.vavr.control.Option;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Private datasets: their counters, deleting one, and publishing one into the shared data. Every transaction that
 * changes a user's private candles locks the user's {@code stored_candles} row first (see {@link StoredCounters}),
 * so deletes and publications never race an import's limit check or its counters.
 */
@ApplicationScoped
class DatasetStoreAdapter implements LoadDatasetsPort, DeleteDatasetPort, PublishDatasetPort, LoadPublicationsPort {
    private static final Logger LOG = Logger.getLogger(DatasetStoreAdapter.class.getName());
    private static final String LOCK_OWNER = "SELECT candles FROM marketdata.stored_candles WHERE owner = $1 "
            + "FOR UPDATE";
    private static final String SUBTRACT = "UPDATE marketdata.stored_candles SET candles = greatest(candles - $2, 0) "
            + "WHERE owner = $1";
    private static final String FORGET_DATASET = "DELETE FROM marketdata.datasets WHERE owner = $1 "
            + "AND instrument_id = $2 AND timeframe = $3";
    private static final String DELETE = "DELETE FROM marketdata.candles WHERE instrument_id = $1 AND timeframe = $2 "
            + "AND owner = $3";
    // One statement moves the rows: deleted from the private dataset, inserted as shared ones (an existing shared
    // candle at that open time takes the private values), counted as added (a new row: xmax = 0) or replaced.
    private static final String PUBLISH = "WITH moved AS (DELETE FROM marketdata.candles WHERE instrument_id = $1 "
            + "AND timeframe = $2 AND owner = $3 RETURNING open_time, open, high, low, close, volume), "
            + "stored AS (INSERT INTO marketdata.candles AS c (instrument_id, timeframe, owner, open_time, open, high, "
            + "low, close, volume) SELECT $1, $2, $4, open_time, open, high, low, close, volume FROM moved "
            + "ON CONFLICT (instrument_id, timeframe, owner, open_time) DO UPDATE SET open = excluded.open, "
            + "high = excluded.high, low = excluded.low, close = excluded.close, volume = excluded.volume "
            + "RETURNING (c.xmax = 0) AS added) "
            + "SELECT count(*) FILTER (WHERE added), count(*) FILTER (WHERE NOT added) FROM stored";
    private static final String RECORD = "INSERT INTO marketdata.publications (id, admin_id, owner_id, instrument, "
            + "timeframe, added, replaced, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    private static final String PUBLICATION_COLUMNS = "id, admin_id, owner_id, instrument, timeframe, added, "
            + "replaced, published_at";

    private final Pool pool;
    private final InstrumentStoreAdapter instruments;

    DatasetStoreAdapter(Pool pool, InstrumentStoreAdapter instruments) {
        this.pool = pool;
        this.instruments = instruments;
    }

    @Override
    public long storedBy(UserId owner) {
        RowSet<Row> rows = pool.preparedQuery("SELECT candles FROM marketdata.stored_candles WHERE owner = $1")
                .executeAndAwait(Tuple.of(owner.value()));
        return rows.rowCount() == 0 ? 0 : rows.iterator().next().getLong(0);
    }

    @Override
    public List<Dataset> datasetsOf(UserId owner) {
        RowSet<Row> rows = pool.preparedQuery("SELECT i.venue, i.base, i.quote, d.timeframe, d.candles, "
                        + "(SELECT min(c.open_time) FROM marketdata.candles c WHERE c.instrument_id = d.instrument_id "
                        + "AND c.timeframe = d.timeframe AND c.owner = d.owner) AS first, "
                        + "(SELECT max(c.open_time) FROM marketdata.candles c WHERE c.instrument_id = d.instrument_id "
                        + "AND c.timeframe = d.timeframe AND c.owner = d.owner) AS last "
                        + "FROM marketdata.datasets d JOIN marketdata.instruments i ON i.id = d.instrument_id "
                        + "WHERE d.owner = $1 ORDER BY i.venue, i.base, i.quote, d.timeframe")
                .executeAndAwait(Tuple.of(owner.value()));
        List<Dataset> datasets = new ArrayList<>(rows.rowCount());
        for (Row row : rows) {
            datasets.add(new Dataset(owner, new InstrumentId(new Venue(row.getString("venue")),
                    new Asset(row.getString("base")), new Asset(row.getString("quote"))),
                    TimeframeColumn.from(row.getInteger("timeframe")), row.getLong("candles"),
                    Option.of(row.getLong("first")), Option.of(row.getLong("last"))));
        }
        return datasets;
    }

    @Override
    public Option<Long> delete(UserId owner, Instrument instrument, Timeframe timeframe) {
        Tuple dataset = Tuple.of(OwnerColumn.of(owner), instruments.idOf(instrument), TimeframeColumn.of(timeframe));
        return inTransaction(connection -> {
            connection.preparedQuery(LOCK_OWNER).executeAndAwait(Tuple.of(dataset.getUUID(0)));
            long deleted = connection.preparedQuery(DELETE).executeAndAwait(Tuple.of(dataset.getLong(1),
                    dataset.getInteger(2), dataset.getUUID(0))).rowCount();
            int forgotten = connection.preparedQuery(FORGET_DATASET).executeAndAwait(dataset).rowCount();
            if (deleted == 0 && forgotten == 0) {
                return Option.none();
            }
            connection.preparedQuery(SUBTRACT).executeAndAwait(Tuple.of(dataset.getUUID(0), deleted));
            return Option.some(deleted);
        });
    }

    @Override
    public Option<Publication> publish(UserId admin, UserId owner, Instrument instrument, Timeframe timeframe,
                                       Instant now) {
        if (OwnerColumn.SHARED.equals(owner.value())) {
            return Option.none(); // the shared data is nobody's private dataset
        }
        UUID column = OwnerColumn.of(owner);
        long instrumentId = instruments.idOf(instrument);
        int timeframeCode = TimeframeColumn.of(timeframe);
        return inTransaction(connection -> {
            connection.preparedQuery(LOCK_OWNER).executeAndAwait(Tuple.of(column));
            Row moved = connection.preparedQuery(PUBLISH).executeAndAwait(Tuple.of(instrumentId, timeframeCode,
                    column, OwnerColumn.SHARED)).iterator().next();
            long added = moved.getLong(0);
            long replaced = moved.getLong(1);
            connection.preparedQuery(FORGET_DATASET).executeAndAwait(Tuple.of(column, instrumentId, timeframeCode));
            if (added + replaced == 0) {
                return Option.none();
            }
            connection.preparedQuery(SUBTRACT).executeAndAwait(Tuple.of(column, added + replaced));
            Publication publication = new Publication(UUID.randomUUID(), admin, owner, instrument.id(), timeframe,
                    added, replaced, now);
            connection.preparedQuery(RECORD).executeAndAwait(Tuple.tuple(List.of(publication.id(),
                    admin.value(), owner.value(), instrument.id().toString(), timeframe.code(), added, replaced,
                    now.atOffset(ZoneOffset.UTC))));
            return Option.some(publication);
        });
    }

    @Override
    public Page<Publication> list(PageRequest page) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + PUBLICATION_COLUMNS + " FROM marketdata.publications "
                        + "ORDER BY published_at DESC, id OFFSET $1 LIMIT $2")
                .executeAndAwait(Tuple.of(page.offset(), page.limit()));
        List<Publication> items = new ArrayList<>(rows.rowCount());
        for (Row row : rows) {
            items.add(new Publication(row.getUUID("id"), new UserId(row.getUUID("admin_id")),
                    new UserId(row.getUUID("owner_id")),
                    InstrumentId.parse(row.getString("instrument"))
                            .getOrElseThrow(reason -> new IllegalStateException(reason)),
                    Timeframe.parse(row.getString("timeframe"))
                            .getOrElseThrow(() -> new IllegalStateException("timeframe")),
                    row.getLong("added"), row.getLong("replaced"),
                    row.getOffsetDateTime("published_at").toInstant()));
        }
        long total = pool.query("SELECT count(*) FROM marketdata.publications").executeAndAwait()
                .iterator().next().getLong(0);
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    /** Runs the work in one transaction; an answer of none rolls it back (nothing was there to change). */
    private <T> Option<T> inTransaction(Function<SqlConnection, Option<T>> work) {
        SqlConnection connection = pool.getConnectionAndAwait();
        Transaction transaction = null;
        try {
            transaction = connection.beginAndAwait();
            Option<T> done = work.apply(connection);
            if (done.isEmpty()) {
                transaction.rollbackAndAwait();
            } else {
                transaction.commitAndAwait();
            }
            return done;
        } catch (RuntimeException e) {
            if (transaction != null) {
                try {
                    transaction.rollbackAndAwait();
                } catch (RuntimeException rollbackFailure) {
                    LOG.log(Level.FINE, "rollback after a failed dataset change also failed", rollbackFailure);
                }
            }
            throw e;
        } finally {
            connection.closeAndAwait();
        }
    }
}
