package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.CandleFeed;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.InsertOutcome;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.InsertProgress;
import io.cryptobot.marketdata.domain.CandleBatch;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The fast bulk path: every batch is streamed with binary {@code COPY} into a temporary staging table (not
 * WAL-logged, no index), then one statement moves all of it into the candle table inside the same transaction.
 * COPY cannot skip duplicates itself, hence the staging table; the final statement's row count is the number of
 * candles that were new.
 *
 * <p>The move is {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING}, except in the common case of a fresh range
 * (open times strictly ascending, so no duplicate inside the feed, and no stored candle between the first and the
 * last): then a plain INSERT does, which PostgreSQL runs markedly faster (docs/benchmarks.md). Should a concurrent
 * import have filled part of the range meanwhile, the plain INSERT fails on the key, is rolled back to its
 * savepoint, and the ON CONFLICT statement runs instead.
 */
final class CopyCandleWriter {
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final int COLUMNS = 6;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int ROW_BYTES = 2 + COLUMNS * (4 + 8);
    private static final Logger LOG = Logger.getLogger(CopyCandleWriter.class.getName());
    private final DataSource dataSource;

    CopyCandleWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    InsertOutcome insertAll(long instrumentId, int timeframe, CandleFeed feed, InsertProgress progress) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TEMP TABLE candle_staging (open_time bigint, open bigint, high bigint, "
                            + "low bigint, close bigint, volume bigint) ON COMMIT DROP");
                }
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY candle_staging FROM STDIN (FORMAT binary)");
                long[] offered = {0};
                Ascending order = new Ascending();
                try {
                    copy.writeToCopy(HEADER, 0, HEADER.length);
                    feed.forEachBatch(batch -> {
                        write(copy, batch);
                        order.see(batch);
                        offered[0] += batch.size();
                        progress.stored(offered[0], 0);
                    });
                    copy.writeToCopy(new byte[] {(byte) 0xFF, (byte) 0xFF}, 0, 2);
                    copy.endCopy();
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
                long copied = System.nanoTime();
                long inserted = offered[0] == 0 ? 0
                        : order.strictly && isFresh(connection, instrumentId, timeframe, order.first, order.last)
                        ? insertFresh(connection, instrumentId, timeframe)
                        : insertSkippingPresent(connection, instrumentId, timeframe);
                connection.commit();
                long done = System.nanoTime();
                LOG.info(() -> String.format("stored %d candles (%d new) in %d ms: copy %d ms, merge and commit %d ms",
                        offered[0], inserted, (done - started) / 1_000_000, (copied - started) / 1_000_000,
                        (done - copied) / 1_000_000));
                progress.stored(offered[0], inserted);
                return new InsertOutcome(offered[0], inserted);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bulk insert failed: " + e.getMessage(), e);
        }
    }

    private static boolean isFresh(Connection connection, long instrumentId, int timeframe, long first, long last)
            throws SQLException {
        try (PreparedStatement present = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM marketdata.candles "
                + "WHERE instrument_id = ? AND timeframe = ? AND open_time BETWEEN ? AND ?)")) {
            present.setLong(1, instrumentId);
            present.setInt(2, timeframe);
            present.setLong(3, first);
            present.setLong(4, last);
            try (ResultSet result = present.executeQuery()) {
                result.next();
                return !result.getBoolean(1);
            }
        }
    }

    private static long insertFresh(Connection connection, long instrumentId, int timeframe) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            long inserted = move(connection, instrumentId, timeframe, "");
            connection.releaseSavepoint(savepoint);
            return inserted;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return insertSkippingPresent(connection, instrumentId, timeframe);
        }
    }

    private static long insertSkippingPresent(Connection connection, long instrumentId, int timeframe)
            throws SQLException {
        return move(connection, instrumentId, timeframe,
                " ON CONFLICT (instrument_id, timeframe, open_time) DO NOTHING");
    }

    private static long move(Connection connection, long instrumentId, int timeframe, String onConflict)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO marketdata.candles "
                + "(instrument_id, timeframe, open_time, open, high, low, close, volume) "
                + "SELECT ?, ?, open_time, open, high, low, close, volume FROM candle_staging" + onConflict)) {
            insert.setLong(1, instrumentId);
            insert.setInt(2, timeframe);
            return insert.executeLargeUpdate();
        }
    }

    /** Whether the open times of the whole feed were strictly ascending, and their first and last. */
    private static final class Ascending {
        private boolean strictly = true;
        private boolean any;
        private long first;
        private long last;

        void see(CandleBatch batch) {
            for (int i = 0; i < batch.size(); i++) {
                long t = batch.openTime(i);
                if (!any) {
                    any = true;
                    first = t;
                } else if (t <= last) {
                    strictly = false;
                }
                last = t;
            }
        }
    }

    private static void write(CopyIn copy, CandleBatch batch) {
        ByteBuffer buffer = ByteBuffer.allocate(batch.size() * ROW_BYTES);
        for (int i = 0; i < batch.size(); i++) {
            buffer.putShort((short) COLUMNS);
            field(buffer, batch.openTime(i));
            field(buffer, batch.open(i));
            field(buffer, batch.high(i));
            field(buffer, batch.low(i));
            field(buffer, batch.close(i));
            field(buffer, batch.volume(i));
        }
        try {
            copy.writeToCopy(buffer.array(), 0, buffer.position());
        } catch (SQLException e) {
            throw new UncheckedIOException(new java.io.IOException("COPY failed: " + e.getMessage(), e));
        }
    }

    private static void field(ByteBuffer buffer, long value) {
        buffer.putInt(8);
        buffer.putLong(value);
    }
}
