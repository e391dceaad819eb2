package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.marketdata.domain.StoredCandlesLimit;
import java.util.Objects;
import java.util.UUID;

/**
 * The counters of private candles ({@code marketdata.stored_candles} per owner, {@code marketdata.datasets} per
 * owner, instrument and timeframe), changed in the transaction of every private write, delete and publication.
 * The owner's row is always changed first: its lock serialises one owner's writes from that point to their commit,
 * so the total a write reads back includes every committed write of the owner and the limit check is exact; and
 * taking the owner's lock before a dataset's lock everywhere means two writes cannot deadlock on them.
 *
 * <p>The statements use {@code ?} placeholders (JDBC); {@link #numbered} turns them into {@code $n} for the reactive
 * client.
 */
final class StoredCounters {
    /** Adds to the owner's total (creating it) and returns the new total. */
    static final String ADD_TO_OWNER = "INSERT INTO marketdata.stored_candles AS s (owner, candles) VALUES (?, ?) "
            + "ON CONFLICT (owner) DO UPDATE SET candles = s.candles + excluded.candles RETURNING s.candles";
    static final String ADD_TO_DATASET = "INSERT INTO marketdata.datasets AS d (owner, instrument_id, timeframe, "
            + "candles) VALUES (?, ?, ?, ?) ON CONFLICT (owner, instrument_id, timeframe) "
            + "DO UPDATE SET candles = d.candles + excluded.candles";

    private StoredCounters() {
    }

    /** A write into {@code owner}'s private dataset, held to {@code limit}. */
    record PrivateWrite(UUID owner, StoredCandlesLimit limit) {
        PrivateWrite {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(limit, "limit");
        }
    }

    static String numbered(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
