package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.CandleFeed;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.InsertOutcome;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.InsertProgress;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.LimitPassed;
import io.cryptobot.marketdata.adapter.out.persistence.StoredCounters.PrivateWrite;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.vavr.control.Either;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedQuery;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING} per batch on the reactive client, all
 * in one transaction: a batch of ten thousand candles costs one statement and one round trip. One batch is in
 * flight while the caller prepares the next, which overlaps parsing with the database's work. Owners and the
 * counters of private writes as in {@link CopyCandleWriter}.
 */
final class UnnestCandleWriter {
    private static final Logger LOG = Logger.getLogger(UnnestCandleWriter.class.getName());
    private static final String INSERT = "INSERT INTO marketdata.candles "
            + "(instrument_id, timeframe, owner, open_time, open, high, low, close, volume) "
            + "SELECT $1, $2, $3, t.* FROM unnest($4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], "
            + "$8::bigint[], $9::bigint[]) AS t ON CONFLICT (instrument_id, timeframe, owner, open_time) DO NOTHING";
    private static final String ADD_TO_OWNER = StoredCounters.numbered(StoredCounters.ADD_TO_OWNER);
    private static final String ADD_TO_DATASET = StoredCounters.numbered(StoredCounters.ADD_TO_DATASET);
    private final Pool pool;

    UnnestCandleWriter(Pool pool) {
        this.pool = pool;
    }

    /** {@code privately} is null for shared data. */
    Either<LimitPassed, InsertOutcome> insertAll(long instrumentId, int timeframeCode, UUID owner,
                                                 PrivateWrite privately, CandleFeed feed, InsertProgress progress) {
        SqlConnection connection = pool.getConnectionAndAwait();
        Transaction transaction = null;
        try {
            transaction = connection.beginAndAwait();
            PreparedQuery<RowSet<Row>> insert = connection.preparedQuery(INSERT);
            Pipeline pipeline = new Pipeline(progress);
            feed.forEachBatch(batch -> pipeline.send(batch.size(),
                    insert.execute(arguments(instrumentId, timeframeCode, owner, batch)).subscribeAsCompletionStage()));
            pipeline.drain();
            if (privately != null && pipeline.inserted > 0) {
                long total = connection.preparedQuery(ADD_TO_OWNER)
                        .executeAndAwait(Tuple.of(owner, pipeline.inserted)).iterator().next().getLong(0);
                if (privately.limit().passedBy(total)) {
                    transaction.rollbackAndAwait();
                    return Either.left(new LimitPassed(total));
                }
                connection.preparedQuery(ADD_TO_DATASET)
                        .executeAndAwait(Tuple.of(owner, instrumentId, timeframeCode, pipeline.inserted));
            }
            transaction.commitAndAwait();
            return Either.right(new InsertOutcome(pipeline.offered, pipeline.inserted));
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

    private static Tuple arguments(long instrumentId, int timeframe, UUID owner, CandleBatch batch) {
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
        return Tuple.tuple(List.of(instrumentId, timeframe, owner, openTime, open, high, low, close, volume));
    }

}
