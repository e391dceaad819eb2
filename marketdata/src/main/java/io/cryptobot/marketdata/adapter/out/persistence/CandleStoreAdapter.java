package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.adapter.out.persistence.StoredCounters.PrivateWrite;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleOverlay;
import io.cryptobot.marketdata.domain.CandleView;
import io.cryptobot.marketdata.domain.GapFinder;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.StoredCandlesLimit;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Candles in PostgreSQL, used from worker threads (calls block until answered).
 *
 * <p>Writes go through binary COPY into a staging table by default ({@link CopyCandleWriter}); the
 * {@code unnest} statement of {@link UnnestCandleWriter} on the reactive client is kept as the alternative
 * ({@code cryptobot.marketdata.bulk-insert=unnest}), and docs/benchmarks.md compares the two. Both skip candles
 * already present, so a re-import changes nothing. Each write goes to one owner: the shared data, or one user's
 * private dataset (counted against the user's limit).
 *
 * <p>Reads: every query covers one owner's candles, a range of the primary key (instrument, timeframe, owner,
 * open time), exactly as fast as before owners existed. Keyset pages go through the reactive client, decoded
 * straight into columns; reads that may exceed {@value #COPY_FROM} candles (backtests) stream through binary COPY
 * ({@link CopyCandleReader}). A user's view reads the user's own candles first; when there are none (the common
 * case) the shared read goes straight into the result, otherwise the shared candles stream through a
 * {@link CandleOverlay} that lets the user's candle win at an open time both have.
 */
@ApplicationScoped
class CandleStoreAdapter implements SaveCandlesPort, LoadCandlesPort {
    private static final int READ_CHUNK = 20_000;
    /** Reads that may return more candles than this stream through binary COPY instead of keyset pages. */
    private static final int COPY_FROM = 100_000;
    /** A user's own candles start in a small batch that grows: most users have none in a given read. */
    private static final int OWN_CAPACITY = 1_024;
    private static final String RANGE = "SELECT open_time, open, high, low, close, volume FROM marketdata.candles "
            + "WHERE instrument_id = $1 AND timeframe = $2 AND owner = $3 AND open_time >= $4 AND open_time < $5 "
            + "ORDER BY open_time LIMIT $6";
    // the newest candle of each of the two owners, then the newer of them; at one open time the user's (rank 0)
    private static final String LATEST = "SELECT open_time, open, high, low, close, volume FROM ("
            + "(SELECT 0 AS rank, open_time, open, high, low, close, volume FROM marketdata.candles "
            + "WHERE instrument_id = $1 AND timeframe = $2 AND owner = $3 ORDER BY open_time DESC LIMIT 1) UNION ALL "
            + "(SELECT 1 AS rank, open_time, open, high, low, close, volume FROM marketdata.candles "
            + "WHERE instrument_id = $1 AND timeframe = $2 AND owner = $4 ORDER BY open_time DESC LIMIT 1)) newest "
            + "ORDER BY open_time DESC, rank LIMIT 1";
    // Only candles that start or end a contiguous run come back. With step = 0 (calendar months) every candle is
    // its own run, which is right: there are few of them.
    private static final String RUN_BORDERS = "SELECT open_time, starts, ends FROM ("
            + "SELECT open_time, "
            + "coalesce(open_time - lag(open_time) OVER w <> $6, true) AS starts, "
            + "coalesce(lead(open_time) OVER w - open_time <> $6, true) AS ends "
            + "FROM marketdata.candles WHERE instrument_id = $1 AND timeframe = $2 AND owner = $3 "
            + "AND open_time >= $4 AND open_time < $5 WINDOW w AS (ORDER BY open_time)) t "
            + "WHERE starts OR ends ORDER BY open_time";

    private final Pool pool;
    private final DataSource dataSource;
    private final InstrumentStoreAdapter instruments;
    private final String bulkInsert;

    CandleStoreAdapter(Pool pool, DataSource dataSource, InstrumentStoreAdapter instruments,
                       @ConfigProperty(name = "cryptobot.marketdata.bulk-insert", defaultValue = "copy")
                       String bulkInsert) {
        this.pool = pool;
        this.dataSource = dataSource;
        this.instruments = instruments;
        this.bulkInsert = bulkInsert;
    }

    @Override
    public InsertOutcome insertAll(Instrument instrument, Timeframe timeframe, CandleFeed feed,
                                   InsertProgress progress) {
        return insert(instrument, timeframe, OwnerColumn.SHARED, null, feed, progress)
                .getOrElseThrow(passed -> new IllegalStateException("shared data has no limit"));
    }

    @Override
    public Either<LimitPassed, InsertOutcome> insertPrivate(UserId owner, Instrument instrument, Timeframe timeframe,
                                                            CandleFeed feed, InsertProgress progress,
                                                            StoredCandlesLimit limit) {
        UUID column = OwnerColumn.of(owner);
        return insert(instrument, timeframe, column, new PrivateWrite(column, limit), feed, progress);
    }

    private Either<LimitPassed, InsertOutcome> insert(Instrument instrument, Timeframe timeframe, UUID owner,
                                                      PrivateWrite privately, CandleFeed feed,
                                                      InsertProgress progress) {
        long instrumentId = instruments.idOf(instrument);
        int timeframeCode = TimeframeColumn.of(timeframe);
        return "unnest".equals(bulkInsert)
                ? new UnnestCandleWriter(pool).insertAll(instrumentId, timeframeCode, owner, privately, feed, progress)
                : new CopyCandleWriter(dataSource).insertAll(instrumentId, timeframeCode, owner, privately, feed,
                        progress);
    }

    @Override
    public CandleBatch load(CandleView view, Instrument instrument, Timeframe timeframe, TimeRange range, int limit) {
        Series series = new Series(instruments.idOf(instrument), TimeframeColumn.of(timeframe));
        if (view.reader().isDefined()) {
            CandleBatch own = new CandleBatch(instrument.priceScale(), instrument.quantityScale(),
                    Math.min(limit, OWN_CAPACITY));
            read(series, OwnerColumn.of(view.reader().get()), range, limit, own::add);
            if (!own.isEmpty()) {
                CandleOverlay overlay = new CandleOverlay(own, batchFor(instrument, timeframe, range, limit), limit);
                read(series, OwnerColumn.SHARED, range, limit, overlay::shared);
                return overlay.finish();
            }
        }
        CandleBatch shared = batchFor(instrument, timeframe, range, limit);
        read(series, OwnerColumn.SHARED, range, limit, shared::add);
        return shared;
    }

    /** Sized for the range when it is full, at most 2^20 up front: a sparse range must not reserve gigabytes. */
    private static CandleBatch batchFor(Instrument instrument, Timeframe timeframe, TimeRange range, int limit) {
        if (limit <= COPY_FROM) {
            return new CandleBatch(instrument.priceScale(), instrument.quantityScale(), Math.min(limit, READ_CHUNK));
        }
        long expected = (range.to() - range.from()) / timeframe.nominalLength().toMillis() + 1;
        return new CandleBatch(instrument.priceScale(), instrument.quantityScale(),
                (int) Math.min(Math.min(limit, expected), 1 << 20));
    }

    /** Up to {@code limit} of one owner's candles in the range, ascending. */
    private void read(Series series, UUID owner, TimeRange range, int limit, CandleRows into) {
        if (limit > COPY_FROM) {
            new CopyCandleReader(dataSource).read(series.instrumentId(), series.timeframe(), owner, range, limit, into);
            return;
        }
        long from = range.from();
        int read = 0;
        while (read < limit) {
            int chunk = Math.min(READ_CHUNK, limit - read);
            RowSet<Row> rows = pool.preparedQuery(RANGE).executeAndAwait(Tuple.tuple(List.of(series.instrumentId(),
                    series.timeframe(), owner, from, range.to(), chunk)));
            long last = from;
            for (Row row : rows) {
                last = row.getLong(0);
                into.row(last, row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
            }
            read += rows.rowCount();
            if (rows.rowCount() < chunk) {
                break;
            }
            from = last + 1;
        }
    }

    @Override
    public Option<Candle> latest(CandleView view, Instrument instrument, Timeframe timeframe) {
        UUID own = view.reader().map(OwnerColumn::of).getOrElse(OwnerColumn.SHARED);
        RowSet<Row> rows = pool.preparedQuery(LATEST).executeAndAwait(Tuple.of(instruments.idOf(instrument),
                TimeframeColumn.of(timeframe), own, OwnerColumn.SHARED));
        if (rows.rowCount() == 0) {
            return Option.none();
        }
        Row row = rows.iterator().next();
        CandleBatch one = new CandleBatch(instrument.priceScale(), instrument.quantityScale(), 1);
        one.add(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
        return Option.some(one.candle(0));
    }

    @Override
    public long[] contiguousRuns(CandleView view, Instrument instrument, Timeframe timeframe, TimeRange range) {
        Series series = new Series(instruments.idOf(instrument), TimeframeColumn.of(timeframe));
        long[] shared = runs(series, OwnerColumn.SHARED, timeframe, range);
        if (view.reader().isEmpty()) {
            return shared;
        }
        long[] own = runs(series, OwnerColumn.of(view.reader().get()), timeframe, range);
        return own.length == 0 ? shared : GapFinder.unionOfRuns(timeframe, own, shared);
    }

    private long[] runs(Series series, UUID owner, Timeframe timeframe, TimeRange range) {
        long step = timeframe == Timeframe.MO1 ? 0 : timeframe.nominalLength().toMillis();
        RowSet<Row> rows = pool.preparedQuery(RUN_BORDERS).executeAndAwait(Tuple.tuple(List.of(
                series.instrumentId(), series.timeframe(), owner, range.from(), range.to(), step)));
        long[] runs = new long[rows.rowCount() * 2];
        int n = 0;
        for (Row row : rows) {
            long openTime = row.getLong(0);
            if (row.getBoolean(1)) {
                runs[n++] = openTime;
            }
            if (row.getBoolean(2)) {
                runs[n++] = openTime;
            }
        }
        return java.util.Arrays.copyOf(runs, n);
    }

    private record Series(long instrumentId, int timeframe) {
    }
}
