package io.cryptobot.backtest.adapter.out.persistence;

import io.cryptobot.backtest.application.port.in.FinishedRunsFeedQuery;
import io.cryptobot.backtest.domain.event.BacktestFinished;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One table's part of the finished-runs feed: its ended (completed or failed) rows by the position the store gave
 * their end ({@code finished_seq}, a numbering {@code backtest.runs} and {@code backtest.sweeps} share).
 */
final class FinishedFeed {
    private final Pool pool;
    private final String table;
    private final String columns;
    private final Function<Row, BacktestFinished> finished;

    /** {@code columns} are the ones {@code finished} reads from a row of {@code table}. */
    FinishedFeed(Pool pool, String table, String columns, Function<Row, BacktestFinished> finished) {
        this.pool = pool;
        this.table = table;
        this.columns = columns;
        this.finished = finished;
    }

    /** The newest end's position in the table (0 when none). */
    long lastEndPosition() {
        return pool.query("SELECT coalesce(max(finished_seq), 0) FROM " + table).executeAndAwait().iterator()
                .next().getLong(0);
    }

    /** The ends after {@code after} and at most at {@code through}, oldest first, at most {@code limit}. */
    List<FinishedRunsFeedQuery.FinishedRun> endedAfter(long after, long through, int limit) {
        List<FinishedRunsFeedQuery.FinishedRun> ended = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT " + columns + ", finished_seq FROM " + table
                        + " WHERE finished_seq > $1 AND finished_seq <= $2 AND status IN ('completed', 'failed')"
                        + " ORDER BY finished_seq LIMIT $3")
                .executeAndAwait(Tuple.of(after, through, limit))) {
            ended.add(new FinishedRunsFeedQuery.FinishedRun(row.getLong("finished_seq"), finished.apply(row)));
        }
        return ended;
    }
}
