package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Option;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Candles in PostgreSQL, used from worker threads (calls block until answered).
 *
 * <p>Writes go through binary COPY into a staging table by default ({@link CopyCandleWriter}); the
 * {@code unnest} statement of {@link UnnestCandleWriter} on the reactive client is kept as the alternative
 * ({@code cryptobot.marketdata.bulk-insert=unnest}), and docs/benchmarks.md compares the two. Both skip candles
 * already present, so a re-import changes nothing.
 *
 * <p>Reads: keyset pages over the primary key through the reactive client, decoded straight into columns; reads
 * that may exceed {@value #COPY_FROM} candles (backtests) stream through binary COPY ({@link CopyCandleReader}).
 */
@ApplicationScoped
class CandleStoreAdapter implements SaveCandlesPort, LoadCandlesPort {
    private static final int READ_CHUNK = 20_000;
    /** Reads that may return more candles than this stream through binary COPY instead of keyset pages. */
    private static final int COPY_FROM = 100_000;
    private static final String RANGE = "SELECT open_time, open, high, low, close, volume FROM marketdata.candles "
            + "WHERE instrument_id = $1 AND timeframe = $2 AND open_time >= $3 AND open_time < $4 "
            + "ORDER BY open_time LIMIT $5";
    private static final String LATEST = "SELECT open_time, open, high, low, close, volume FROM marketdata.candles "
            + "WHERE instrument_id = $1 AND timeframe = $2 ORDER BY open_time DESC LIMIT 1";
    // Only candles that start or end a contiguous run come back. With step = 0 (calendar months) every candle is
    // its own run, which is right: there are few of them.
    private static final String RUN_BORDERS = "SELECT open_time, starts, ends FROM ("
            + "SELECT open_time, "
            + "coalesce(open_time - lag(open_time) OVER w <> $5, true) AS starts, "
            + "coalesce(lead(open_time) OVER w - open_time <> $5, true) AS ends "
            + "FROM marketdata.candles WHERE instrument_id = $1 AND timeframe = $2 AND open_time >= $3 "
            + "AND open_time < $4 WINDOW w AS (ORDER BY open_time)) t "
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
        long instrumentId = instruments.idOf(instrument);
        int timeframeCode = TimeframeColumn.of(timeframe);
        return "unnest".equals(bulkInsert)
                ? new UnnestCandleWriter(pool).insertAll(instrumentId, timeframeCode, feed, progress)
                : new CopyCandleWriter(dataSource).insertAll(instrumentId, timeframeCode, feed, progress);
    }

    @Override
    public CandleBatch load(Instrument instrument, Timeframe timeframe, TimeRange range, int limit) {
        long instrumentId = instruments.idOf(instrument);
        int timeframeCode = TimeframeColumn.of(timeframe);
        if (limit > COPY_FROM) {
            // sized for the range when it is full, at most 2^20 up front: a sparse range must not reserve gigabytes
            long expected = (range.to() - range.from()) / timeframe.nominalLength().toMillis() + 1;
            CandleBatch all = new CandleBatch(instrument.priceScale(), instrument.quantityScale(),
                    (int) Math.min(Math.min(limit, expected), 1 << 20));
            new CopyCandleReader(dataSource).read(instrumentId, timeframeCode, range, limit, all);
            return all;
        }
        CandleBatch candles = new CandleBatch(instrument.priceScale(), instrument.quantityScale(),
                Math.min(limit, READ_CHUNK));
        long from = range.from();
        while (candles.size() < limit) {
            int chunk = Math.min(READ_CHUNK, limit - candles.size());
            RowSet<Row> rows = pool.preparedQuery(RANGE).executeAndAwait(
                    Tuple.tuple(List.of(instrumentId, timeframeCode, from, range.to(), chunk)));
            for (Row row : rows) {
                candles.add(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5));
            }
            if (rows.rowCount() < chunk) {
                break;
            }
            from = candles.openTime(candles.size() - 1) + 1;
        }
        return candles;
    }

    @Override
    public Option<Candle> latest(Instrument instrument, Timeframe timeframe) {
        RowSet<Row> rows = pool.preparedQuery(LATEST)
                .executeAndAwait(Tuple.of(instruments.idOf(instrument), TimeframeColumn.of(timeframe)));
        if (rows.rowCount() == 0) {
            return Option.none();
        }
        Row row = rows.iterator().next();
        CandleBatch one = new CandleBatch(instrument.priceScale(), instrument.quantityScale(), 1);
        one.add(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
        return Option.some(one.candle(0));
    }

    @Override
    public long[] contiguousRuns(Instrument instrument, Timeframe timeframe, TimeRange range) {
        long step = timeframe == Timeframe.MO1 ? 0 : timeframe.nominalLength().toMillis();
        RowSet<Row> rows = pool.preparedQuery(RUN_BORDERS).executeAndAwait(Tuple.tuple(List.of(
                instruments.idOf(instrument), TimeframeColumn.of(timeframe), range.from(), range.to(), step)));
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
}
