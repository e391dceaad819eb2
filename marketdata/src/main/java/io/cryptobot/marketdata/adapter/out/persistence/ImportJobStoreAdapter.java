package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.out.LoadImportJobPort;
import io.cryptobot.marketdata.application.port.out.SaveImportJobPort;
import io.cryptobot.marketdata.domain.DatasetTarget;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.ImportJobId;
import io.cryptobot.marketdata.domain.ImportStatus;
import io.cryptobot.marketdata.domain.RowError;
import io.vavr.control.Option;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
class ImportJobStoreAdapter implements LoadImportJobPort, SaveImportJobPort {
    private static final String COLUMNS = "id, owner_id, instrument, timeframe, source, status, rows_total, rows_done, "
            + "inserted, duplicates, error_count, errors, failure, created_at, started_at, finished_at, dataset";
    private final Pool pool;

    ImportJobStoreAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public void save(ImportJob job) {
        JsonArray errors = new JsonArray();
        job.errors().forEach(e -> errors.add(new JsonObject().put("entry", e.entry()).put("line", e.line())
                .put("reason", e.reason())));
        List<Object> values = new ArrayList<>(17);
        values.add(job.id().value());
        values.add(job.owner().value());
        values.add(job.instrument().toString());
        values.add(job.timeframe().code());
        values.add(job.source());
        values.add(job.status().code());
        values.add(job.rowsTotal());
        values.add(job.rowsDone());
        values.add(job.inserted());
        values.add(job.duplicates());
        values.add(job.errorCount());
        values.add(errors);
        values.add(job.failure().getOrNull());
        values.add(time(job.createdAt()));
        values.add(job.startedAt().map(ImportJobStoreAdapter::time).getOrNull());
        values.add(job.finishedAt().map(ImportJobStoreAdapter::time).getOrNull());
        values.add(job.dataset().code());
        pool.preparedQuery("INSERT INTO marketdata.import_jobs (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, "
                        + "$8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT (id) DO UPDATE SET "
                        + "status = EXCLUDED.status, rows_total = EXCLUDED.rows_total, rows_done = EXCLUDED.rows_done, "
                        + "inserted = EXCLUDED.inserted, duplicates = EXCLUDED.duplicates, "
                        + "error_count = EXCLUDED.error_count, errors = EXCLUDED.errors, failure = EXCLUDED.failure, "
                        + "started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at")
                .executeAndAwait(Tuple.tuple(values));
    }

    @Override
    public Option<ImportJob> load(UserId owner, ImportJobId id) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS
                        + " FROM marketdata.import_jobs WHERE id = $1 AND owner_id = $2")
                .executeAndAwait(Tuple.of(id.value(), owner.value()));
        return rows.rowCount() == 0 ? Option.none() : Option.some(map(rows.iterator().next()));
    }

    @Override
    public Page<ImportJob> list(UserId owner, PageRequest page) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM marketdata.import_jobs WHERE owner_id = $1 "
                        + "ORDER BY created_at DESC, id OFFSET $2 LIMIT $3")
                .executeAndAwait(Tuple.of(owner.value(), page.offset(), page.limit()));
        List<ImportJob> items = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> items.add(map(row)));
        long total = pool.preparedQuery("SELECT count(*) FROM marketdata.import_jobs WHERE owner_id = $1")
                .executeAndAwait(Tuple.of(owner.value())).iterator().next().getLong(0);
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    @Override
    public int unfinishedCount(UserId owner) {
        return pool.preparedQuery("SELECT count(*) FROM marketdata.import_jobs WHERE owner_id = $1 "
                        + "AND status IN ('queued', 'validating', 'importing')")
                .executeAndAwait(Tuple.of(owner.value())).iterator().next().getInteger(0);
    }

    @Override
    public List<ImportJob> unfinished() {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM marketdata.import_jobs "
                        + "WHERE status IN ('queued', 'validating', 'importing') ORDER BY created_at")
                .executeAndAwait();
        List<ImportJob> items = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> items.add(map(row)));
        return items;
    }

    private static ImportJob map(Row row) {
        List<RowError> errors = new ArrayList<>();
        JsonArray stored = (JsonArray) row.getValue("errors");
        for (int i = 0; i < stored.size(); i++) {
            JsonObject e = stored.getJsonObject(i);
            errors.add(new RowError(e.getString("entry"), e.getLong("line"), e.getString("reason")));
        }
        return new ImportJob(new ImportJobId(row.getUUID("id")), new UserId(row.getUUID("owner_id")),
                InstrumentId.parse(row.getString("instrument")).getOrElseThrow(reason -> new IllegalStateException(reason)),
                Timeframe.parse(row.getString("timeframe")).getOrElseThrow(() -> new IllegalStateException("timeframe")),
                DatasetTarget.fromCode(row.getString("dataset")), row.getString("source"), ImportStatus.fromCode(row.getString("status")), row.getLong("rows_total"),
                row.getLong("rows_done"), row.getLong("inserted"), row.getLong("duplicates"),
                row.getLong("error_count"), errors, Option.of(row.getString("failure")),
                row.getOffsetDateTime("created_at").toInstant(),
                Option.of(row.getOffsetDateTime("started_at")).map(OffsetDateTime::toInstant),
                Option.of(row.getOffsetDateTime("finished_at")).map(OffsetDateTime::toInstant));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
