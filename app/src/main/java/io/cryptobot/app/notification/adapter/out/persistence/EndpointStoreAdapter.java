package io.cryptobot.app.notification.adapter.out.persistence;

import io.cryptobot.app.notification.application.port.out.EndpointStorePort;
import io.cryptobot.app.notification.domain.Endpoint;
import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.app.notification.domain.Format;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Endpoints in {@code notification.endpoints}. Which endpoints want what is kept in memory for every owner (loaded
 * once, then replaced per owner after each write through this store), so a publisher whose owner has no
 * endpoint pays a map look-up. One instance; several would need a shared invalidation.
 */
@ApplicationScoped
class EndpointStoreAdapter implements EndpointStorePort {
    private static final String COLUMNS = "id, owner_id, name, format, url, telegram_chat_id, events, enabled, "
            + "consecutive_failures, disabled_reason, created_at, updated_at";
    private final Pool pool;
    private volatile Map<UserId, List<Endpoint>> enabled;

    EndpointStoreAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public void insert(Endpoint e, String sealedSecret, Option<String> sealedBotToken) {
        pool.preparedQuery("INSERT INTO notification.endpoints (" + COLUMNS + ", secret_sealed, bot_token_sealed) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)")
                .executeAndAwait(Tuple.from(Arrays.asList(e.id().value(), e.owner().value(), e.name(),
                        e.format().code(), e.url().map(URI::toString).getOrNull(), e.telegramChatId().getOrNull(),
                        codes(e.events()), e.enabled(), e.consecutiveFailures(), e.disabledReason().getOrNull(),
                        e.createdAt().atOffset(ZoneOffset.UTC), e.updatedAt().atOffset(ZoneOffset.UTC), sealedSecret,
                        sealedBotToken.getOrNull())));
        refresh(e.owner());
    }

    @Override
    public Option<Endpoint> load(UserId owner, EndpointId id) {
        for (Row row : pool.preparedQuery("SELECT " + COLUMNS + " FROM notification.endpoints WHERE id = $1 AND "
                + "owner_id = $2").executeAndAwait(Tuple.of(id.value(), owner.value()))) {
            return Option.some(endpoint(row));
        }
        return Option.none();
    }

    @Override
    public Page<Endpoint> list(UserId owner, PageRequest page) {
        List<Endpoint> items = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT " + COLUMNS + " FROM notification.endpoints WHERE owner_id = $1 "
                        + "ORDER BY created_at, id OFFSET " + page.offset() + " LIMIT " + page.limit())
                .executeAndAwait(Tuple.of(owner.value()))) {
            items.add(endpoint(row));
        }
        return new Page<>(items, page.offset(), page.limit(), count(owner));
    }

    @Override
    public long count(UserId owner) {
        return pool.preparedQuery("SELECT count(*) FROM notification.endpoints WHERE owner_id = $1")
                .executeAndAwait(Tuple.of(owner.value())).iterator().next().getLong(0);
    }

    @Override
    public void update(Endpoint e) {
        pool.preparedQuery("UPDATE notification.endpoints SET name = $2, url = $3, events = $4, enabled = $5, "
                        + "consecutive_failures = $6, disabled_reason = $7, updated_at = $8 WHERE id = $1")
                .executeAndAwait(Tuple.from(Arrays.asList(e.id().value(), e.name(),
                        e.url().map(URI::toString).getOrNull(), codes(e.events()), e.enabled(),
                        e.consecutiveFailures(), e.disabledReason().getOrNull(),
                        e.updatedAt().atOffset(ZoneOffset.UTC))));
        refresh(e.owner());
    }

    @Override
    public boolean delete(UserId owner, EndpointId id) {
        boolean deleted = pool.preparedQuery("DELETE FROM notification.endpoints WHERE id = $1 AND owner_id = $2")
                .executeAndAwait(Tuple.of(id.value(), owner.value())).rowCount() > 0;
        refresh(owner);
        return deleted;
    }

    @Override
    public Option<EndpointSecrets> loadForDelivery(EndpointId id) {
        for (Row row : pool.preparedQuery("SELECT " + COLUMNS + ", secret_sealed, bot_token_sealed FROM "
                + "notification.endpoints WHERE id = $1").executeAndAwait(Tuple.of(id.value()))) {
            return Option.some(new EndpointSecrets(endpoint(row), row.getString("secret_sealed"),
                    Option.of(row.getString("bot_token_sealed"))));
        }
        return Option.none();
    }

    @Override
    public List<EndpointId> subscribers(UserId owner, EventKind kind) {
        List<Endpoint> endpoints = index().get(owner);
        if (endpoints == null) {
            return List.of();
        }
        return endpoints.stream().filter(e -> e.wants(kind)).map(Endpoint::id).toList();
    }

    private Map<UserId, List<Endpoint>> index() {
        Map<UserId, List<Endpoint>> current = enabled;
        if (current == null) {
            synchronized (this) {
                if (enabled == null) {
                    Map<UserId, List<Endpoint>> loaded = new ConcurrentHashMap<>();
                    for (Row row : pool.query("SELECT " + COLUMNS + " FROM notification.endpoints WHERE enabled")
                            .executeAndAwait()) {
                        Endpoint e = endpoint(row);
                        loaded.computeIfAbsent(e.owner(), o -> new ArrayList<>()).add(e);
                    }
                    loaded.replaceAll((owner, list) -> List.copyOf(list));
                    enabled = loaded;
                }
                current = enabled;
            }
        }
        return current;
    }

    private void refresh(UserId owner) {
        Map<UserId, List<Endpoint>> index = index();
        synchronized (this) {
            List<Endpoint> mine = new ArrayList<>();
            for (Row row : pool.preparedQuery("SELECT " + COLUMNS + " FROM notification.endpoints WHERE owner_id = $1 "
                    + "AND enabled").executeAndAwait(Tuple.of(owner.value()))) {
                mine.add(endpoint(row));
            }
            if (mine.isEmpty()) {
                index.remove(owner);
            } else {
                index.put(owner, List.copyOf(mine));
            }
        }
    }

    private static String[] codes(Set<EventKind> kinds) {
        return kinds.stream().map(EventKind::code).sorted().toArray(String[]::new);
    }

    static Endpoint endpoint(Row row) {
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        for (String code : row.getArrayOfStrings("events")) {
            EventKind.parse(code).forEach(kinds::add);
        }
        return new Endpoint(new EndpointId(row.getUUID("id")), new UserId(row.getUUID("owner_id")),
                row.getString("name"), Format.parse(row.getString("format")).get(),
                Option.of(row.getString("url")).map(URI::create), Option.of(row.getString("telegram_chat_id")),
                kinds, row.getBoolean("enabled"), row.getInteger("consecutive_failures"),
                Option.of(row.getString("disabled_reason")), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
