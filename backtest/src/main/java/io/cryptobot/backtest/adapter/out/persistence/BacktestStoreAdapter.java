package io.cryptobot.backtest.adapter.out.persistence;

import io.cryptobot.backtest.application.port.in.FillView;
import io.cryptobot.backtest.application.port.in.FinishedRunsFeedQuery;
import io.cryptobot.backtest.application.port.in.OrderView;
import io.cryptobot.backtest.application.port.in.TradeView;
import io.cryptobot.backtest.application.port.out.BacktestStorePort;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.backtest.domain.BacktestResult;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.backtest.domain.event.BacktestFinished;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.vavr.control.Option;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Runs and results in schema {@code backtest}, on the reactive client (awaited: callers are worker threads), and
 * the bulk result write on JDBC with COPY. Status changes are compare-and-set ({@code WHERE status = expected}); a
 * completed run's results and its status change are written in one transaction, so a run is never completed
 * without its results and its results are never visible before it is completed.
 */
@ApplicationScoped
class BacktestStoreAdapter implements BacktestStorePort {
    private static final String COLUMNS = "id, owner_id, config, status, candles_processed, candles_total, "
            + "rows_stored, rows_total, attempt, created_at, started_at, finished_at, failure";
    private final Pool pool;
    private final DataSource dataSource;
    private final FinishedFeed ended;

    BacktestStoreAdapter(Pool pool, DataSource dataSource) {
        this.pool = pool;
        this.dataSource = dataSource;
        this.ended = new FinishedFeed(pool, "backtest.runs", COLUMNS, row -> BacktestFinished.of(run(row)));
    }

    @Override
    public void insert(BacktestRun run) {
        pool.preparedQuery("INSERT INTO backtest.runs (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                        + "$10, $11, $12, $13)")
                .executeAndAwait(Tuple.from(Arrays.asList(run.id().value(), run.owner().value(), ConfigJson.write(run.config()),
                        run.status().code(), run.candlesProcessed(), run.candlesTotal(), run.rowsStored(),
                        run.rowsTotal(), run.attempt(),
                        time(run.createdAt()), nullable(run.startedAt().map(BacktestStoreAdapter::time)),
                        nullable(run.finishedAt().map(BacktestStoreAdapter::time)), nullable(run.failure()))));
    }

    @Override
    public boolean update(BacktestRun run, BacktestStatus expected) {
        return pool.preparedQuery(UPDATE).executeAndAwait(updateTuple(run, expected)).rowCount() == 1;
    }

    private static final String UPDATE = "UPDATE backtest.runs SET status = $3, candles_processed = $4, "
            + "candles_total = $5, rows_stored = $6, rows_total = $7, attempt = $8, started_at = $9, "
            + "finished_at = $10, failure = $11 WHERE id = $1 AND status = $2";

    private static Tuple updateTuple(BacktestRun run, BacktestStatus expected) {
        List<Object> values = new ArrayList<>();
        values.add(run.id().value());
        values.add(expected.code());
        values.add(run.status().code());
        values.add(run.candlesProcessed());
        values.add(run.candlesTotal());
        values.add(run.rowsStored());
        values.add(run.rowsTotal());
        values.add(run.attempt());
        values.add(run.startedAt().map(BacktestStoreAdapter::time).getOrNull());
        values.add(run.finishedAt().map(BacktestStoreAdapter::time).getOrNull());
        values.add(run.failure().getOrNull());
        return Tuple.from(values);
    }

    @Override
    public Option<BacktestStatus> progress(BacktestId id, long processed) {
        RowSet<Row> rows = pool.preparedQuery("UPDATE backtest.runs SET candles_processed = CASE WHEN status = "
                        + "'running' THEN $2 ELSE candles_processed END WHERE id = $1 RETURNING status")
                .executeAndAwait(Tuple.of(id.value(), processed));
        return rows.rowCount() == 0 ? Option.none()
                : Option.some(BacktestStatus.fromCode(rows.iterator().next().getString(0)));
    }

    @Override
    public void stored(BacktestId id, long rows) {
        pool.preparedQuery("UPDATE backtest.runs SET rows_stored = $2 WHERE id = $1 AND status = 'storing'")
                .executeAndAwait(Tuple.of(id.value(), rows));
    }

    @Override
    public long lastEndPosition() {
        return ended.lastEndPosition();
    }

    @Override
    public List<FinishedRunsFeedQuery.FinishedRun> endedAfter(long after, long through, int limit) {
        return ended.endedAfter(after, through, limit);
    }

    @Override
    public Option<BacktestRun> load(UserId owner, BacktestId id) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM backtest.runs WHERE id = $1 AND owner_id = $2")
                .executeAndAwait(Tuple.of(id.value(), owner.value()));
        return rows.rowCount() == 0 ? Option.none() : Option.some(run(rows.iterator().next()));
    }

    @Override
    public Option<BacktestRun> load(BacktestId id) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM backtest.runs WHERE id = $1")
                .executeAndAwait(Tuple.of(id.value()));
        return rows.rowCount() == 0 ? Option.none() : Option.some(run(rows.iterator().next()));
    }

    @Override
    public Page<BacktestRun> list(UserId owner, PageRequest page) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM backtest.runs WHERE owner_id = $1 "
                        + "ORDER BY created_at DESC, id OFFSET $2 LIMIT $3")
                .executeAndAwait(Tuple.of(owner.value(), page.offset(), page.limit()));
        long total = pool.preparedQuery("SELECT count(*) FROM backtest.runs WHERE owner_id = $1")
                .executeAndAwait(Tuple.of(owner.value())).iterator().next().getLong(0);
        return new Page<>(map(rows, BacktestStoreAdapter::run), page.offset(), page.limit(), total);
    }

    @Override
    public int unfinishedCount(UserId owner) {
        return pool.preparedQuery("SELECT count(*) FROM backtest.runs WHERE owner_id = $1 AND status IN ('queued', "
                + "'running', 'storing')").executeAndAwait(Tuple.of(owner.value())).iterator().next().getInteger(0);
    }

    @Override
    public List<BacktestRun> unfinished() {
        return map(pool.preparedQuery("SELECT " + COLUMNS + " FROM backtest.runs WHERE status IN ('queued', 'running', "
                + "'storing') ORDER BY created_at").executeAndAwait(), BacktestStoreAdapter::run);
    }

    /**
     * One JDBC transaction: the report, the packed equity curve, then trades, orders and fills each through one
     * COPY, and last the compare-and-set from storing to completed. The status change comes last because it locks
     * the run's row until the commit, and the row counts reported meanwhile are saved to that row on another
     * connection. A run not storing at the start is left alone; one that stopped storing meanwhile is rolled back.
     */
    @Override
    public boolean complete(BacktestRun storing, BacktestResult result, Writing writing) {
        UUID run = storing.id().value();
        ResultRows rows = ResultRows.of(run, result);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // not storing any more (a duplicate worker, a run failed meanwhile): write nothing
                try (PreparedStatement check = connection.prepareStatement(
                        "SELECT 1 FROM backtest.runs WHERE id = ? AND status = 'storing'")) {
                    check.setObject(1, run);
                    if (!check.executeQuery().next()) {
                        connection.rollback();
                        return false;
                    }
                }
                try (PreparedStatement report = connection.prepareStatement(
                        "INSERT INTO backtest.reports (run_id, summary) VALUES (?, ?::jsonb)")) {
                    report.setObject(1, run);
                    report.setString(2, ReportJson.write(result.report()).encode());
                    report.executeUpdate();
                }
                try (PreparedStatement equity = connection.prepareStatement(
                        "INSERT INTO backtest.equity (run_id, samples, packed) VALUES (?, ?, ?)")) {
                    equity.setObject(1, run);
                    equity.setInt(2, result.equity().size());
                    equity.setBytes(3, pack(result.equity()));
                    equity.executeUpdate();
                }
                long written = 2;
                writing.stored(written);
                written += copy(connection, "backtest.trades", "run_id, seq, instrument, entry_time, exit_time, "
                        + "quantity, entry_price, exit_price, gross_pnl, fees, net_pnl", rows.trades(), written, writing);
                written += copy(connection, "backtest.orders", "run_id, seq, order_id, client_order_id, "
                        + "instrument, side, type, quantity, limit_price, status, filled_quantity, average_price, "
                        + "created_at, tag, events", rows.orders(), written, writing);
                copy(connection, "backtest.fills", "run_id, seq, order_id, trade_id, instrument, side, quantity, "
                        + "price, fee, fee_asset, liquidity, time, tag", rows.fills(), written, writing);
                BacktestRun completed = writing.completed();
                try (PreparedStatement update = connection.prepareStatement("UPDATE backtest.runs SET status = ?, "
                        + "candles_processed = ?, candles_total = ?, rows_stored = ?, rows_total = ?, attempt = ?, "
                        + "started_at = ?, finished_at = ?, failure = ? WHERE id = ? AND status = 'storing'")) {
                    update.setString(1, completed.status().code());
                    update.setLong(2, completed.candlesProcessed());
                    update.setLong(3, completed.candlesTotal());
                    update.setLong(4, completed.rowsStored());
                    update.setLong(5, completed.rowsTotal());
                    update.setInt(6, completed.attempt());
                    update.setObject(7, completed.startedAt().map(BacktestStoreAdapter::time).getOrNull());
                    update.setObject(8, completed.finishedAt().map(BacktestStoreAdapter::time).getOrNull());
                    update.setString(9, completed.failure().getOrNull());
                    update.setObject(10, run);
                    if (update.executeUpdate() != 1) {
                        connection.rollback();
                        return false;
                    }
                }
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing the results of backtest " + run + " failed", e);
        }
    }

    /** COPYs one table, telling {@code writing} the running total after every chunk; returns the rows copied. */
    private static long copy(Connection connection, String table, String columns, List<List<Object>> rows,
                             long before, Writing writing) throws SQLException {
        ResultCopyWriter.copy(connection, table, columns, rows, copied -> writing.stored(before + copied));
        return rows.size();
    }

    @Override
    public void deleteResult(BacktestId id) {
        for (String table : List.of("reports", "equity", "trades", "orders", "fills")) {
            pool.preparedQuery("DELETE FROM backtest." + table + " WHERE run_id = $1").executeAndAwait(Tuple.of(id.value()));
        }
    }

    @Override
    public boolean deleteFinished(UserId owner, BacktestId id) {
        // results go with the run (ON DELETE CASCADE)
        return pool.preparedQuery("DELETE FROM backtest.runs WHERE id = $1 AND owner_id = $2 "
                        + "AND status NOT IN ('queued', 'running', 'storing')")
                .executeAndAwait(Tuple.of(id.value(), owner.value())).rowCount() == 1;
    }

    @Override
    public Option<BacktestReport> report(BacktestId id) {
        RowSet<Row> rows = pool.preparedQuery("SELECT summary FROM backtest.reports WHERE run_id = $1")
                .executeAndAwait(Tuple.of(id.value()));
        return rows.rowCount() == 0 ? Option.none()
                : Option.some(ReportJson.read((JsonObject) rows.iterator().next().getValue(0)));
    }

    private static final String TRADE_COLUMNS = "seq, instrument, entry_time, exit_time, quantity, entry_price, "
            + "exit_price, gross_pnl, fees, net_pnl";

    @Override
    public Page<TradeView> trades(BacktestId id, PageRequest page) {
        return page("trades", TRADE_COLUMNS, id, page, BacktestStoreAdapter::trade);
    }

    @Override
    public int allTrades(BacktestId id, Consumer<TradeView> sink) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + TRADE_COLUMNS + " FROM backtest.trades WHERE run_id = $1 "
                + "ORDER BY seq").executeAndAwait(Tuple.of(id.value()));
        rows.forEach(row -> sink.accept(trade(row)));
        return rows.rowCount();
    }

    @Override
    public Page<OrderView> orders(BacktestId id, PageRequest page) {
        return page("orders", "seq, order_id, client_order_id, instrument, side, type, quantity, limit_price, status, "
                + "filled_quantity, average_price, created_at, tag, events", id, page, BacktestStoreAdapter::order);
    }

    @Override
    public Page<FillView> fills(BacktestId id, PageRequest page) {
        return page("fills", "seq, order_id, trade_id, instrument, side, quantity, price, fee, fee_asset, liquidity, "
                + "time, tag", id, page, BacktestStoreAdapter::fill);
    }

    @Override
    public Option<EquitySeries> equity(BacktestId id) {
        RowSet<Row> rows = pool.preparedQuery("SELECT samples, packed FROM backtest.equity WHERE run_id = $1")
                .executeAndAwait(Tuple.of(id.value()));
        if (rows.rowCount() == 0) {
            return Option.none();
        }
        Row row = rows.iterator().next();
        return Option.some(unpack(row.getInteger(0), row.getBuffer(1).getBytes()));
    }

    private <T> Page<T> page(String table, String columns, BacktestId id, PageRequest page, Function<Row, T> mapper) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + columns + " FROM backtest." + table
                        + " WHERE run_id = $1 ORDER BY seq OFFSET $2 LIMIT $3")
                .executeAndAwait(Tuple.of(id.value(), page.offset(), page.limit()));
        long total = pool.preparedQuery("SELECT count(*) FROM backtest." + table + " WHERE run_id = $1")
                .executeAndAwait(Tuple.of(id.value())).iterator().next().getLong(0);
        return new Page<>(map(rows, mapper), page.offset(), page.limit(), total);
    }

    // ---- rows to views ----

    private static BacktestRun run(Row row) {
        return new BacktestRun(new BacktestId(row.getUUID("id")), new UserId(row.getUUID("owner_id")),
                ConfigJson.read((JsonObject) row.getValue("config")), BacktestStatus.fromCode(row.getString("status")),
                row.getLong("candles_processed"), row.getLong("candles_total"), row.getLong("rows_stored"),
                row.getLong("rows_total"), row.getInteger("attempt"),
                row.getOffsetDateTime("created_at").toInstant(), instant(row, "started_at"),
                instant(row, "finished_at"), Option.of(row.getString("failure")));
    }

    private static TradeView trade(Row row) {
        long entry = row.getLong("entry_time");
        long exit = row.getLong("exit_time");
        return new TradeView(row.getInteger("seq"), row.getString("instrument"), entry, exit, (exit - entry) / 1000,
                row.getBigDecimal("quantity"), row.getBigDecimal("entry_price"),
                row.getBigDecimal("exit_price"), row.getBigDecimal("gross_pnl"), row.getBigDecimal("fees"),
                row.getBigDecimal("net_pnl"));
    }

    private static OrderView order(Row row) {
        JsonArray stored = (JsonArray) row.getValue("events");
        List<OrderView.Event> events = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            JsonObject e = stored.getJsonObject(i);
            events.add(new OrderView.Event(e.getString("type"), e.getLong("time"), e.getString("detail")));
        }
        return new OrderView(row.getInteger("seq"), row.getUUID("order_id").toString(), row.getString("client_order_id"),
                row.getString("instrument"), row.getString("side"), row.getString("type"), row.getBigDecimal("quantity"),
                row.getBigDecimal("limit_price"), row.getString("status"), row.getBigDecimal("filled_quantity"),
                row.getBigDecimal("average_price"), row.getLong("created_at"), row.getString("tag"), events);
    }

    private static FillView fill(Row row) {
        return new FillView(row.getInteger("seq"), row.getUUID("order_id").toString(), row.getString("trade_id"),
                row.getString("instrument"), row.getString("side"), row.getBigDecimal("quantity"),
                row.getBigDecimal("price"), row.getBigDecimal("fee"), row.getString("fee_asset"),
                row.getString("liquidity"), row.getLong("time"), row.getString("tag"));
    }

    /** n big-endian int64 times, n float64 equities, n exposure bytes. */
    static byte[] pack(EquitySeries equity) {
        int n = equity.size();
        ByteBuffer buffer = ByteBuffer.allocate(n * 17);
        for (int i = 0; i < n; i++) {
            buffer.putLong(equity.time(i));
        }
        for (int i = 0; i < n; i++) {
            buffer.putDouble(equity.equity(i));
        }
        for (int i = 0; i < n; i++) {
            buffer.put((byte) (equity.exposed(i) ? 1 : 0));
        }
        return buffer.array();
    }

    static EquitySeries unpack(int n, byte[] packed) {
        ByteBuffer buffer = ByteBuffer.wrap(packed);
        EquitySeries series = new EquitySeries(Math.max(1, n));
        for (int i = 0; i < n; i++) {
            series.append(buffer.getLong(i * 8), buffer.getDouble(n * 8 + i * 8), packed[n * 16 + i] == 1);
        }
        return series;
    }

    private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> items = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> items.add(mapper.apply(row)));
        return items;
    }

    private static Option<Instant> instant(Row row, String column) {
        return Option.of(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant);
    }

    private static Object nullable(Option<?> value) {
        return value.getOrNull();
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
