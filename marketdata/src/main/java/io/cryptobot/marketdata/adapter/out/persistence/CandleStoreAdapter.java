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
import io.vertx.mutiny.sqlclient.PreparedQuery;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Candles in PostgreSQL through the reactive client, used from worker threads (calls block until answered).
 *
 * <p>Writes: one {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING} per batch, so a batch of
 * ten thousand candles costs one statement and one round trip, and a re-import changes nothing. One batch is in
 * flight while the caller prepares the next, which overlaps parsing with the database's work.
 *
 * <p>Reads: keyset pages over the primary key, decoded straight into columns.
 */
@ApplicationScoped
class CandleStoreAdapter implements SaveCandlesPort, LoadCandlesPort {
    private static final Logger LOG = Logger.getLogger(CandleStoreAdapter.class.getName());
    private static final int READ_CHUNK = 100_000;
    private static final String INSERT = "INSERT INTO marketdata.candles "
            + "(instrument_id, timeframe, open_time, open, high, low, close, volume) "
            + "SELECT $1, $2, t.* FROM unnest($3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], "
            + "$7::bigint[], $8::bigint[]) AS t ON CONFLICT (instrument_id, timeframe, open_time) DO NOTHING";
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
    private final InstrumentStoreAdapter instruments;

    CandleStoreAdapter(Pool pool, InstrumentStoreAdapter instruments) {
        this.pool = pool;
        this.instruments = instruments;
    }

    @Override
    public InsertOutcome insertAll(Instrument instrument, Timeframe timeframe, CandleFeed feed,
                                   InsertProgress progress) {
        long instrumentId = instruments.idOf(instrument);
        int timeframeCode = TimeframeColumn.of(timeframe);
        SqlConnection connection = pool.getConnectionAndAwait();
        Transaction transaction = null;
        try {
            transaction = connection.beginAndAwait();
            PreparedQuery<RowSet<Row>> insert = connection.preparedQuery(INSERT);
            Pipeline pipeline = new Pipeline(progress);
            feed.forEachBatch(batch -> pipeline.send(batch.size(),
                    insert.execute(arguments(instrumentId, timeframeCode, batch)).subscribeAsCompletionStage()));
            pipeline.drain();
            transaction.commitAndAwait();
            return new InsertOutcome(pipeline.offered, pipeline.inserted);
        } catch (RuntimeException e) {
            if (transaction != null) {
                try {
                    transaction.rollbackAndAwait();
                } catch (RuntimeException rollbackFailure) {
                    LOG.log(Level.FINE, "rollback after a failed insert also failed", rollbackFailure);
                }
            }
            throw e;
        } finally {
            connection.closeAndAwait();
        }
    }

    /** Keeps at most one insert in flight and counts what the finished ones stored. */
    private static final class Pipeline {
        private final InsertProgress progress;
        private CompletableFuture<RowSet<Row>> pending;
        private int pendingSize;
        private long offered;
        private long inserted;

        Pipeline(InsertProgress progress) {
            this.progress = progress;
        }

        void send(int size, CompletableFuture<RowSet<Row>> next) {
            drain();
            pending = next;
            pendingSize = size;
        }

        void drain() {
            if (pending != null) {
                RowSet<Row> done = pending.join();
                pending = null;
                offered += pendingSize;
                inserted += done.rowCount();
                progress.stored(offered, inserted);
            }
        }
    }

    private static Tuple arguments(long instrumentId, int timeframe, CandleBatch batch) {
        int n = batch.size();
        Long[] openTime = new Long[n];
        Long[] open = new Long[n];
        Long[] high = new Long[n];
        Long[] low = new Long[n];
        Long[] close = new Long[n];
        Long[] volume = new Long[n];
        for (int i = 0; i < n; i++) {
            openTime[i] = batch.openTime(i);
            open[i] = batch.open(i);
            high[i] = batch.high(i);
            low[i] = batch.low(i);
            close[i] = batch.close(i);
            volume[i] = batch.volume(i);
        }
        return Tuple.tuple(List.of(instrumentId, timeframe, openTime, open, high, low, close, volume));
    }

    @Override
    public CandleBatch load(Instrument instrument, Timeframe timeframe, TimeRange range, int limit) {
        long instrumentId = instruments.idOf(instrument);
        int timeframeCode = TimeframeColumn.of(timeframe);
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
