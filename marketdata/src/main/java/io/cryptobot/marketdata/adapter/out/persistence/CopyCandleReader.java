package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.marketdata.domain.TimeRange;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * The fast bulk read, binary {@code COPY ... TO STDOUT}: one statement streams a whole range, decoded straight
 * into the batch's {@code long} columns (each row: a 16-bit field count, then per field a 32-bit length and the
 * 8-byte big-endian value). Used for large reads (backtests); small pages keep the keyset query. One read covers
 * one owner's candles (the shared data, or one user's private dataset): a range of the primary key.
 */
final class CopyCandleReader {
    private static final int SIGNATURE_LENGTH = 11;
    private static final int FIELDS = 6;
    private final DataSource dataSource;

    CopyCandleReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Hands up to {@code limit} of the owner's candles of [from, to) to {@code into}, in ascending open time. */
    void read(long instrumentId, int timeframe, UUID owner, TimeRange range, int limit, CandleRows into) {
        // COPY takes no bind parameters; every value here is a number or a uuid this code produced, never client text
        String sql = "COPY (SELECT open_time, open, high, low, close, volume FROM marketdata.candles "
                + "WHERE instrument_id = " + instrumentId + " AND timeframe = " + timeframe
                + " AND owner = '" + owner + "' AND open_time >= " + range.from() + " AND open_time < " + range.to()
                + " ORDER BY open_time LIMIT " + limit + ") TO STDOUT (FORMAT binary)";
        try (Connection connection = dataSource.getConnection();
             PGCopyInputStream copy = new PGCopyInputStream(connection.unwrap(PGConnection.class), sql);
             DataInputStream in = new DataInputStream(new BufferedInputStream(copy, 1 << 16))) {
            in.skipNBytes(SIGNATURE_LENGTH);
            in.readInt(); // flags
            in.skipNBytes(in.readInt()); // header extension
            while (true) {
                short fields = in.readShort();
                if (fields == -1) {
                    break;
                }
                if (fields != FIELDS) {
                    throw new IllegalStateException("expected " + FIELDS + " columns, got " + fields);
                }
                long openTime = value(in);
                into.row(openTime, value(in), value(in), value(in), value(in), value(in));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading candles failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long value(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length != Long.BYTES) {
            throw new IllegalStateException("expected a bigint, got " + length + " bytes");
        }
        return in.readLong();
    }
}
