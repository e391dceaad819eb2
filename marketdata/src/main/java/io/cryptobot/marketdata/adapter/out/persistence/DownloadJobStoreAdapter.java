package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.out.LoadDownloadJobPort;
import io.cryptobot.marketdata.application.port.out.SaveDownloadJobPort;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadJobId;
import io.cryptobot.marketdata.domain.DownloadRequest;
import io.cryptobot.marketdata.domain.DownloadStatus;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Option;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
class DownloadJobStoreAdapter implements LoadDownloadJobPort, SaveDownloadJobPort {
    private static final String COLUMNS = "id, owner_id, instrument, timeframe, source_timeframe, range_from, range_to, "
            + "fill_gaps, segments, status, cursor_at, rows_total, rows_done, inserted, duplicates, incomplete, note, "
            + "failure, created_at, started_at, finished_at";
    private static final String UNFINISHED = "status IN ('queued', 'running')";
    private final Pool pool;

    DownloadJobStoreAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public void save(DownloadJob job) {
        JsonArray segments = new JsonArray();
        job.segments().forEach(s -> segments.add(new JsonArray().add(s.from()).add(s.to())));
        DownloadRequest request = job.request();
        List<Object> values = new ArrayList<>(21);
        values.add(job.id().value());
        values.add(job.owner().value());
        values.add(request.instrument().toString());
        values.add(request.timeframe().code());
        values.add(job.source().code());
        values.add(request.range().from());
        values.add(request.range().to());
        values.add(request.fillGaps());
        values.add(segments);
        values.add(job.status().code());
        values.add(job.cursor());
        values.add(job.rowsTotal());
        values.add(job.rowsDone());
        values.add(job.inserted());
        values.add(job.duplicates());
        values.add(job.incomplete());
        values.add(job.note().getOrNull());
        values.add(job.failure().getOrNull());
        values.add(time(job.createdAt()));
        values.add(job.startedAt().map(DownloadJobStoreAdapter::time).getOrNull());
        values.add(job.finishedAt().map(DownloadJobStoreAdapter::time).getOrNull());
        pool.preparedQuery("INSERT INTO marketdata.download_jobs (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, "
                        + "$8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) ON CONFLICT (id) DO UPDATE "
                        + "SET status = EXCLUDED.status, cursor_at = EXCLUDED.cursor_at, rows_done = EXCLUDED.rows_done, "
                        + "inserted = EXCLUDED.inserted, duplicates = EXCLUDED.duplicates, "
                        + "incomplete = EXCLUDED.incomplete, note = EXCLUDED.note, failure = EXCLUDED.failure, "
                        + "started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at "
                        + "WHERE download_jobs." + UNFINISHED + " OR (download_jobs.status = 'canceled' "
                        + "AND EXCLUDED.status = 'canceled')")
                .executeAndAwait(Tuple.tuple(values));
    }

    @Override
    public Option<DownloadJob> load(UserId owner, DownloadJobId id) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS
                        + " FROM marketdata.download_jobs WHERE id = $1 AND owner_id = $2")
                .executeAndAwait(Tuple.of(id.value(), owner.value()));
        return rows.rowCount() == 0 ? Option.none() : Option.some(map(rows.iterator().next()));
    }

    @Override
    public Page<DownloadJob> list(UserId owner, PageRequest page) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM marketdata.download_jobs "
                        + "WHERE owner_id = $1 ORDER BY created_at DESC, id OFFSET $2 LIMIT $3")
                .executeAndAwait(Tuple.of(owner.value(), page.offset(), page.limit()));
        List<DownloadJob> items = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> items.add(map(row)));
        long total = pool.preparedQuery("SELECT count(*) FROM marketdata.download_jobs WHERE owner_id = $1")
                .executeAndAwait(Tuple.of(owner.value())).iterator().next().getLong(0);
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    @Override
    public int unfinishedCount(UserId owner) {
        return pool.preparedQuery("SELECT count(*) FROM marketdata.download_jobs WHERE owner_id = $1 AND "
                        + UNFINISHED)
                .executeAndAwait(Tuple.of(owner.value())).iterator().next().getInteger(0);
    }

    @Override
    public Option<DownloadJob> unfinished(UserId owner, DownloadRequest request) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM marketdata.download_jobs "
                        + "WHERE owner_id = $1 AND instrument = $2 AND timeframe = $3 AND range_from = $4 "
                        + "AND range_to = $5 AND fill_gaps = $6 AND " + UNFINISHED + " ORDER BY created_at LIMIT 1")
                .executeAndAwait(Tuple.tuple(List.of(owner.value(), request.instrument().toString(),
                        request.timeframe().code(), request.range().from(), request.range().to(),
                        request.fillGaps())));
        return rows.rowCount() == 0 ? Option.none() : Option.some(map(rows.iterator().next()));
    }

    @Override
    public boolean canceled(DownloadJobId id) {
        return pool.preparedQuery("SELECT 1 FROM marketdata.download_jobs WHERE id = $1 AND status = 'canceled'")
                .executeAndAwait(Tuple.of(id.value())).rowCount() > 0;
    }

    @Override
    public List<DownloadJob> unfinished() {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM marketdata.download_jobs WHERE "
                + UNFINISHED + " ORDER BY created_at").executeAndAwait();
        List<DownloadJob> items = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> items.add(map(row)));
        return items;
    }

    private static DownloadJob map(Row row) {
        JsonArray stored = (JsonArray) row.getValue("segments");
        List<TimeRange> segments = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            JsonArray segment = stored.getJsonArray(i);
            segments.add(new TimeRange(segment.getLong(0), segment.getLong(1)));
        }
        DownloadRequest request = new DownloadRequest(
                InstrumentId.parse(row.getString("instrument")).getOrElseThrow(reason -> new IllegalStateException(reason)),
                timeframe(row.getString("timeframe")),
                new TimeRange(row.getLong("range_from"), row.getLong("range_to")), row.getBoolean("fill_gaps"));
        return new DownloadJob(new DownloadJobId(row.getUUID("id")), new UserId(row.getUUID("owner_id")), request,
                timeframe(row.getString("source_timeframe")), segments,
                DownloadStatus.fromCode(row.getString("status")), row.getLong("cursor_at"), row.getLong("rows_total"),
                row.getLong("rows_done"), row.getLong("inserted"), row.getLong("duplicates"),
                row.getLong("incomplete"), Option.of(row.getString("note")), Option.of(row.getString("failure")),
                row.getOffsetDateTime("created_at").toInstant(),
                Option.of(row.getOffsetDateTime("started_at")).map(OffsetDateTime::toInstant),
                Option.of(row.getOffsetDateTime("finished_at")).map(OffsetDateTime::toInstant));
    }

    private static Timeframe timeframe(String code) {
        return Timeframe.parse(code).getOrElseThrow(() -> new IllegalStateException("timeframe " + code));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
