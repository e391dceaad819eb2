package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.CandleFeed;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.InsertOutcome;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.InsertProgress;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.LimitPassed;
import io.cryptobot.marketdata.adapter.out.persistence.StoredCounters.PrivateWrite;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The fast bulk path, binary {@code COPY}, inside one transaction.
 *
 * <p>First try: COPY straight into the candle table. PostgreSQL writes COPY rows in multi-row heap inserts, far
 * cheaper than row-by-row INSERTs, and in the common case (a range not stored yet) that is the whole job. COPY
 * cannot skip duplicates, though: if any candle is already present, the key violation aborts it, the transaction
 * rolls back to its savepoint, and the second try streams the feed again into a temporary staging table (not
 * WAL-logged, no index) and moves it with {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING}, whose row count is
 * the number of new candles. A re-import therefore costs two passes and changes nothing.
 *
 * <p>Every row carries its owner: the shared sentinel, or the user of a private write. A private write also adds
 * its new candles to the owner's counters before it commits ({@link StoredCounters}), and rolls everything back
 * when that takes the owner past the limit.
 */
final class CopyCandleWriter {
    private static final Logger LOG = Logger.getLogger(CopyCandleWriter.class.getName());
    private static final long LOGGED_BATCH = 1_000;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource dataSource;

    CopyCandleWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code privately} is null for shared data. */
    Either<LimitPassed, InsertOutcome> insertAll(long instrumentId, int timeframe, UUID owner, PrivateWrite privately,
                                                 CandleFeed feed, InsertProgress progress) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Series series = new Series(instrumentId, timeframe, owner);
                InsertOutcome outcome = copyDirect(connection, series, feed, progress);
                if (outcome == null) {
                    outcome = copyStaged(connection, series, feed, progress);
                }
                if (privately != null && outcome.inserted() > 0) {
                    long total = count(connection, series, outcome.inserted());
                    if (privately.limit().passedBy(total)) {
                        connection.rollback();
                        return Either.left(new LimitPassed(total));
                    }
                }
                connection.commit();
                InsertOutcome stored = outcome;
                // bulk writes (imports, downloads, the demo seed) at INFO; a live feed's small batches every minute
                // at FINE, so a running instance's log is not a candle counter
                LOG.log(stored.offered() >= LOGGED_BATCH ? java.util.logging.Level.INFO : java.util.logging.Level.FINE,
                        () -> String.format("stored %d candles (%d new) in %d ms", stored.offered(),
                        stored.inserted(), (System.nanoTime() - started) / 1_000_000));
                progress.stored(outcome.offered(), outcome.inserted());
                return Either.right(outcome);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bulk insert failed: " + e.getMessage(), e);
        }
    }

    /** The key columns every row of one write shares. */
    private record Series(long instrumentId, int timeframe, UUID owner) {
    }

    /** Adds the new candles to the owner's counters (owner first, see {@link StoredCounters}); the new total. */
    private static long count(Connection connection, Series series, long inserted) throws SQLException {
        long total;
        try (PreparedStatement owner = connection.prepareStatement(StoredCounters.ADD_TO_OWNER)) {
            owner.setObject(1, series.owner());
            owner.setLong(2, inserted);
            try (ResultSet row = owner.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
        }
        try (PreparedStatement dataset = connection.prepareStatement(StoredCounters.ADD_TO_DATASET)) {
            dataset.setObject(1, series.owner());
            dataset.setLong(2, series.instrumentId());
            dataset.setInt(3, series.timeframe());
            dataset.setLong(4, inserted);
            dataset.executeUpdate();
        }
        return total;
    }

    /** COPY into the candle table; null when a candle was already present (and nothing of this try remains). */
    private static InsertOutcome copyDirect(Connection connection, Series series, CandleFeed feed,
                                            InsertProgress progress) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            long offered = copy(connection, "COPY marketdata.candles (instrument_id, timeframe, owner, open_time, open, "
                    + "high, low, close, volume) FROM STDIN (FORMAT binary)", series, feed, progress);
            connection.releaseSavepoint(savepoint);
            return new InsertOutcome(offered, offered);
        } catch (SQLException | RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            return null;
        }
    }

    private static InsertOutcome copyStaged(Connection connection, Series series, CandleFeed feed,
                                            InsertProgress progress) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE candle_staging (open_time bigint, open bigint, high bigint, "
                    + "low bigint, close bigint, volume bigint) ON COMMIT DROP");
        }
        long offered = copy(connection, "COPY candle_staging FROM STDIN (FORMAT binary)", null, feed, progress);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO marketdata.candles "
                + "(instrument_id, timeframe, owner, open_time, open, high, low, close, volume) "
                + "SELECT ?, ?, ?, open_time, open, high, low, close, volume FROM candle_staging "
                + "ON CONFLICT (instrument_id, timeframe, owner, open_time) DO NOTHING")) {
            insert.setLong(1, series.instrumentId());
            insert.setInt(2, series.timeframe());
            insert.setObject(3, series.owner());
            return new InsertOutcome(offered, insert.executeLargeUpdate());
        }
    }

    /**
     * Streams the feed through one COPY. With {@code series} given, each row starts with the instrument id
     * (bigint), the timeframe (integer) and the owner (uuid), as the candle table has them; without, the row is the
     * six candle columns of the staging table.
     */
    private static long copy(Connection connection, String sql, Series series, CandleFeed feed,
                             InsertProgress progress) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        long[] offered = {0};
        try {
            copy.writeToCopy(HEADER, 0, HEADER.length);
            feed.forEachBatch(batch -> {
                write(copy, batch, series);
                offered[0] += batch.size();
                progress.stored(offered[0], 0);
            });
            copy.writeToCopy(TRAILER, 0, TRAILER.length);
            copy.endCopy();
            return offered[0];
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, CandleBatch batch, Series series) {
        short columns = (short) (series == null ? 6 : 9);
        int rowBytes = 2 + 6 * 12 + (series == null ? 0 : 12 + 8 + 20);
        ByteBuffer buffer = ByteBuffer.allocate(batch.size() * rowBytes);
        for (int i = 0; i < batch.size(); i++) {
            buffer.putShort(columns);
            if (series != null) {
                field(buffer, series.instrumentId());
                buffer.putInt(4).putInt(series.timeframe());
                buffer.putInt(16).putLong(series.owner().getMostSignificantBits())
                        .putLong(series.owner().getLeastSignificantBits());
            }
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
            throw new UncheckedIOException(new IOException("COPY failed: " + e.getMessage(), e));
        }
    }

    private static void field(ByteBuffer buffer, long value) {
        buffer.putInt(8).putLong(value);
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
