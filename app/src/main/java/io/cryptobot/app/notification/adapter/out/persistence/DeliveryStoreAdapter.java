package io.cryptobot.app.notification.adapter.out.persistence;

import io.cryptobot.app.notification.application.port.out.DeliveryStorePort;
import io.cryptobot.app.notification.domain.AttemptOutcome;
import io.cryptobot.app.notification.domain.Delivery;
import io.cryptobot.app.notification.domain.DeliveryStatus;
import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code notification.deliveries}: the outbox and the delivery log. */
@ApplicationScoped
class DeliveryStoreAdapter implements DeliveryStorePort {
    private static final int MAX_ERROR = 500;
    private final Pool pool;

    DeliveryStoreAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public int enqueue(List<EndpointId> endpoints, Notification n, Instant now) {
        List<Tuple> rows = new ArrayList<>(endpoints.size());
        JsonObject data = new JsonObject();
        n.data().forEach(data::put);
        for (EndpointId endpoint : endpoints) {
            rows.add(Tuple.from(Arrays.asList(UUID.randomUUID(), endpoint.value(), n.owner().value(), n.key(),
                    n.kind().code(), n.occurredAt().atOffset(ZoneOffset.UTC), n.title(), n.text(), data,
                    now.atOffset(ZoneOffset.UTC))));
        }
        // one statement per endpoint in one batch; a key already queued for that endpoint is kept as it is
        var result = pool.preparedQuery("INSERT INTO notification.deliveries (id, endpoint_id, owner_id, event_key, "
                + "kind, occurred_at, title, text, data, status, next_attempt_at, created_at) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10, $10) "
                + "ON CONFLICT (endpoint_id, event_key) DO NOTHING").executeBatchAndAwait(rows);
        int queued = 0;
        for (var r = result; r != null; r = r.next()) {
            queued += r.rowCount();
        }
        return queued;
    }

    @Override
    public List<Delivery> pending(EndpointId endpoint, int limit) {
        List<Delivery> pending = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT * FROM notification.deliveries WHERE endpoint_id = $1 AND "
                + "status = 'pending' ORDER BY seq LIMIT $2").executeAndAwait(Tuple.of(endpoint.value(), limit))) {
            pending.add(delivery(row));
        }
        return pending;
    }

    @Override
    public void delivered(List<Sent> sent) {
        List<Tuple> rows = new ArrayList<>(sent.size());
        for (Sent s : sent) {
            rows.add(Tuple.of(s.delivery().seq(), s.outcome().status(), s.at().atOffset(ZoneOffset.UTC)));
        }
        // one transaction, so one commit (one WAL flush) for the lot
        pool.withTransaction(connection -> connection.preparedQuery("UPDATE notification.deliveries SET status = "
                        + "'delivered', attempts = attempts + 1, last_status = $2, last_error = NULL, finished_at = $3 "
                        + "WHERE seq = $1").executeBatch(rows))
                .await().indefinitely();
    }

    @Override
    public void failed(Delivery d, AttemptOutcome outcome, Instant now) {
        finish(d, DeliveryStatus.FAILED, outcome, now);
    }

    private void finish(Delivery d, DeliveryStatus status, AttemptOutcome outcome, Instant now) {
        pool.preparedQuery("UPDATE notification.deliveries SET status = $2, attempts = attempts + 1, last_status = $3, "
                        + "last_error = $4, finished_at = $5 WHERE seq = $1")
                .executeAndAwait(Tuple.from(Arrays.asList(d.seq(), status.code(), outcome.statusCode().getOrNull(),
                        status == DeliveryStatus.DELIVERED ? null : cut(outcome.summary()),
                        now.atOffset(ZoneOffset.UTC))));
    }

    @Override
    public void retry(Delivery d, AttemptOutcome outcome, Instant next, Instant now) {
        pool.preparedQuery("UPDATE notification.deliveries SET attempts = attempts + 1, last_status = $2, "
                        + "last_error = $3, next_attempt_at = $4 WHERE seq = $1")
                .executeAndAwait(Tuple.from(Arrays.asList(d.seq(), outcome.statusCode().getOrNull(),
                        cut(outcome.summary()), next.atOffset(ZoneOffset.UTC))));
    }

    @Override
    public Page<Delivery> list(EndpointId endpoint, PageRequest page) {
        List<Delivery> items = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT * FROM notification.deliveries WHERE endpoint_id = $1 "
                        + "ORDER BY seq DESC OFFSET " + page.offset() + " LIMIT " + page.limit())
                .executeAndAwait(Tuple.of(endpoint.value()))) {
            items.add(delivery(row));
        }
        long total = pool.preparedQuery("SELECT count(*) FROM notification.deliveries WHERE endpoint_id = $1")
                .executeAndAwait(Tuple.of(endpoint.value())).iterator().next().getLong(0);
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    @Override
    public List<EndpointId> due(Instant now) {
        List<EndpointId> due = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT DISTINCT d.endpoint_id FROM notification.deliveries d JOIN "
                + "notification.endpoints e ON e.id = d.endpoint_id WHERE d.status = 'pending' AND e.enabled "
                + "AND d.next_attempt_at <= $1").executeAndAwait(Tuple.of(now.atOffset(ZoneOffset.UTC)))) {
            due.add(new EndpointId(row.getUUID(0)));
        }
        return due;
    }

    private static String cut(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR) + "...";
    }

    private static Delivery delivery(Row row) {
        Map<String, String> data = new LinkedHashMap<>();
        JsonObject json = row.getJsonObject("data");
        json.forEach(entry -> data.put(entry.getKey(), String.valueOf(entry.getValue())));
        Notification n = new Notification(new UserId(row.getUUID("owner_id")),
                EventKind.parse(row.getString("kind")).getOrElse(EventKind.ALERT), row.getString("event_key"),
                row.getOffsetDateTime("occurred_at").toInstant(), row.getString("title"), row.getString("text"), data);
        return new Delivery(row.getUUID("id"), row.getLong("seq"), new EndpointId(row.getUUID("endpoint_id")), n,
                DeliveryStatus.parse(row.getString("status")), row.getInteger("attempts"),
                row.getOffsetDateTime("next_attempt_at").toInstant(), Option.of(row.getInteger("last_status")),
                Option.of(row.getString("last_error")), row.getOffsetDateTime("created_at").toInstant(),
                Option.of(row.getOffsetDateTime("finished_at")).map(t -> t.toInstant()));
    }
}
