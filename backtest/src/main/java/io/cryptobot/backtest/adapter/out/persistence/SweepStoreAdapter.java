package io.cryptobot.backtest.adapter.out.persistence;

import io.cryptobot.backtest.application.port.in.FinishedRunsFeedQuery;
import io.cryptobot.backtest.application.port.out.SweepStorePort;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.backtest.domain.event.BacktestFinished;
import io.cryptobot.backtest.domain.sweep.SweepId;
import io.cryptobot.backtest.domain.sweep.SweepResult;
import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Sweeps in {@code backtest.sweeps}; status changes are compare-and-set, results are written with completion. */
@ApplicationScoped
class SweepStoreAdapter implements SweepStorePort {
    private static final String COLUMNS = "id, owner_id, request, kind, status, points_done, points_total, "
            + "created_at, started_at, finished_at, failure";
    private static final String UPDATE = "UPDATE backtest.sweeps SET status = $3, points_done = $4, "
            + "points_total = $5, started_at = $6, finished_at = $7, failure = $8 WHERE id = $1 AND status = $2";
    private final Pool pool;
    private final FinishedFeed ended;

    SweepStoreAdapter(Pool pool) {
        this.pool = pool;
        this.ended = new FinishedFeed(pool, "backtest.sweeps", COLUMNS, row -> BacktestFinished.of(sweep(row)));
    }

    @Override
    public void insert(SweepRun sweep) {
        pool.preparedQuery("INSERT INTO backtest.sweeps (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                        + "$10, $11)")
                .executeAndAwait(Tuple.from(Arrays.asList(sweep.id().value(), sweep.owner().value(),
                        SweepJson.writeSpec(sweep.spec()), sweep.spec().kind().code(), sweep.status().code(),
                        sweep.pointsDone(), sweep.pointsTotal(), BacktestStoreAdapter.time(sweep.createdAt()),
                        sweep.startedAt().map(BacktestStoreAdapter::time).getOrNull(),
                        sweep.finishedAt().map(BacktestStoreAdapter::time).getOrNull(), sweep.failure().getOrNull())));
    }

    @Override
    public boolean update(SweepRun sweep, BacktestStatus expected) {
        return pool.preparedQuery(UPDATE).executeAndAwait(updateTuple(sweep, expected)).rowCount() == 1;
    }

    private static Tuple updateTuple(SweepRun sweep, BacktestStatus expected) {
        return Tuple.from(Arrays.asList(sweep.id().value(), expected.code(), sweep.status().code(), sweep.pointsDone(),
                sweep.pointsTotal(), sweep.startedAt().map(BacktestStoreAdapter::time).getOrNull(),
                sweep.finishedAt().map(BacktestStoreAdapter::time).getOrNull(), sweep.failure().getOrNull()));
    }

    @Override
    public Option<BacktestStatus> progress(SweepId id, int done) {
        RowSet<Row> rows = pool.preparedQuery("UPDATE backtest.sweeps SET points_done = CASE WHEN status = 'running' "
                        + "THEN $2 ELSE points_done END WHERE id = $1 RETURNING status")
                .executeAndAwait(Tuple.of(id.value(), done));
        return rows.rowCount() == 0 ? Option.none()
                : Option.some(BacktestStatus.fromCode(rows.iterator().next().getString(0)));
    }

    @Override
    public Option<SweepRun> load(UserId owner, SweepId id) {
        return first(pool.preparedQuery("SELECT " + COLUMNS + " FROM backtest.sweeps WHERE id = $1 AND owner_id = $2")
                .executeAndAwait(Tuple.of(id.value(), owner.value())));
    }

    @Override
    public Option<SweepRun> load(SweepId id) {
        return first(pool.preparedQuery("SELECT " + COLUMNS + " FROM backtest.sweeps WHERE id = $1")
                .executeAndAwait(Tuple.of(id.value())));
    }

    @Override
    public Page<SweepRun> list(UserId owner, PageRequest page) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM backtest.sweeps WHERE owner_id = $1 "
                        + "ORDER BY created_at DESC, id OFFSET $2 LIMIT $3")
                .executeAndAwait(Tuple.of(owner.value(), page.offset(), page.limit()));
        long total = pool.preparedQuery("SELECT count(*) FROM backtest.sweeps WHERE owner_id = $1")
                .executeAndAwait(Tuple.of(owner.value())).iterator().next().getLong(0);
        return new Page<>(all(rows), page.offset(), page.limit(), total);
    }

    @Override
    public int activeCount(UserId owner) {
        return pool.preparedQuery("SELECT count(*) FROM backtest.sweeps WHERE owner_id = $1 AND status IN ('queued', "
                + "'running')").executeAndAwait(Tuple.of(owner.value())).iterator().next().getInteger(0);
    }

    @Override
    public List<SweepRun> unfinished() {
        return all(pool.preparedQuery("SELECT " + COLUMNS + " FROM backtest.sweeps WHERE status IN ('queued', "
                + "'running') ORDER BY created_at").executeAndAwait());
    }

    @Override
    public boolean complete(SweepRun completed, SweepResult result) {
        List<Object> values = new ArrayList<>(Arrays.asList(completed.id().value(), BacktestStatus.RUNNING.code(),
                completed.status().code(), completed.pointsDone(), completed.pointsTotal(),
                completed.startedAt().map(BacktestStoreAdapter::time).getOrNull(),
                completed.finishedAt().map(BacktestStoreAdapter::time).getOrNull(), completed.failure().getOrNull()));
        values.add(SweepJson.writeResult(result));
        return pool.preparedQuery("UPDATE backtest.sweeps SET status = $3, points_done = $4, points_total = $5, "
                        + "started_at = $6, finished_at = $7, failure = $8, results = $9 WHERE id = $1 AND status = $2")
                .executeAndAwait(Tuple.from(values)).rowCount() == 1;
    }

    @Override
    public Option<SweepResult> results(SweepId id) {
        RowSet<Row> rows = pool.preparedQuery("SELECT results FROM backtest.sweeps WHERE id = $1 AND results IS NOT NULL")
                .executeAndAwait(Tuple.of(id.value()));
        return rows.rowCount() == 0 ? Option.none()
                : Option.some(SweepJson.readResult((JsonObject) rows.iterator().next().getValue(0)));
    }

    @Override
    public long lastEndPosition() {
        return ended.lastEndPosition();
    }

    @Override
    public List<FinishedRunsFeedQuery.FinishedRun> endedAfter(long after, long through, int limit) {
        return ended.endedAfter(after, through, limit);
    }

    private static Option<SweepRun> first(RowSet<Row> rows) {
        return rows.rowCount() == 0 ? Option.none() : Option.some(sweep(rows.iterator().next()));
    }

    private static List<SweepRun> all(RowSet<Row> rows) {
        List<SweepRun> items = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> items.add(sweep(row)));
        return items;
    }

    private static SweepRun sweep(Row row) {
        return new SweepRun(new SweepId(row.getUUID("id")), new UserId(row.getUUID("owner_id")),
                SweepJson.readSpec((JsonObject) row.getValue("request")), BacktestStatus.fromCode(row.getString("status")),
                row.getInteger("points_done"), row.getInteger("points_total"),
                row.getOffsetDateTime("created_at").toInstant(),
                Option.of(row.getOffsetDateTime("started_at")).map(OffsetDateTime::toInstant),
                Option.of(row.getOffsetDateTime("finished_at")).map(OffsetDateTime::toInstant),
                Option.of(row.getString("failure")));
    }
}
