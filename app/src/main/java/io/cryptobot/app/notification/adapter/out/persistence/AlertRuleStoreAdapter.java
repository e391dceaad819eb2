package io.cryptobot.app.notification.adapter.out.persistence;

import io.cryptobot.app.notification.application.port.out.AlertRuleStorePort;
import io.cryptobot.app.notification.domain.AlertCondition;
import io.cryptobot.app.notification.domain.AlertRule;
import io.cryptobot.app.notification.domain.AlertRuleId;
import io.cryptobot.app.notification.domain.AlertWatch;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code notification.alert_rules} and {@code alert_watches}. The enabled rules are kept in memory for every owner
 * (loaded once, replaced per owner after each write through this store), so an equity hand-off whose owner has no
 * rule pays a map look-up. One instance; several would need a shared invalidation.
 */
@ApplicationScoped
class AlertRuleStoreAdapter implements AlertRuleStorePort {
    private static final String COLUMNS = "id, owner_id, name, kind, threshold, unit, bot_id, enabled, created_at, "
            + "updated_at";
    private static final String WATCH_COLUMNS = "rule_id, bot_id, breached, breaches, last_sample_time, peak, day, "
            + "day_open, last_equity, quiet_since, fill_cursor";
    private final Pool pool;
    private volatile Map<UserId, List<AlertRule>> enabled;

    AlertRuleStoreAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public void insert(AlertRule r) {
        pool.preparedQuery("INSERT INTO notification.alert_rules (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, "
                + "$7, $8, $9, $10)").executeAndAwait(Tuple.from(Arrays.asList(r.id().value(), r.owner().value(),
                r.name(), r.condition().code(), r.condition().threshold(), r.condition().unit(),
                r.botId().getOrNull(), r.enabled(), utc(r.createdAt()), utc(r.updatedAt()))));
        refresh(r.owner());
    }

    @Override
    public Option<AlertRule> load(UserId owner, AlertRuleId id) {
        for (Row row : pool.preparedQuery("SELECT " + COLUMNS + " FROM notification.alert_rules WHERE id = $1 AND "
                + "owner_id = $2").executeAndAwait(Tuple.of(id.value(), owner.value()))) {
            return Option.some(rule(row));
        }
        return Option.none();
    }

    @Override
    public Page<AlertRule> list(UserId owner, PageRequest page) {
        List<AlertRule> items = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT " + COLUMNS + " FROM notification.alert_rules WHERE owner_id = $1 "
                        + "ORDER BY created_at, id OFFSET " + page.offset() + " LIMIT " + page.limit())
                .executeAndAwait(Tuple.of(owner.value()))) {
            items.add(rule(row));
        }
        return new Page<>(items, page.offset(), page.limit(), count(owner));
    }

    @Override
    public long count(UserId owner) {
        return pool.preparedQuery("SELECT count(*) FROM notification.alert_rules WHERE owner_id = $1")
                .executeAndAwait(Tuple.of(owner.value())).iterator().next().getLong(0);
    }

    @Override
    public void update(AlertRule r, boolean resetWatches) {
        pool.withTransaction(connection -> {
            var changed = connection.preparedQuery("UPDATE notification.alert_rules SET name = $2, threshold = $3, "
                            + "unit = $4, enabled = $5, updated_at = $6 WHERE id = $1")
                    .execute(Tuple.from(Arrays.asList(r.id().value(), r.name(), r.condition().threshold(),
                            r.condition().unit(), r.enabled(), utc(r.updatedAt()))));
            return resetWatches ? changed.flatMap(ignored -> connection.preparedQuery("DELETE FROM "
                    + "notification.alert_watches WHERE rule_id = $1").execute(Tuple.of(r.id().value()))) : changed;
        }).await().indefinitely();
        refresh(r.owner());
    }

    @Override
    public boolean delete(UserId owner, AlertRuleId id) {
        boolean deleted = pool.preparedQuery("DELETE FROM notification.alert_rules WHERE id = $1 AND owner_id = $2")
                .executeAndAwait(Tuple.of(id.value(), owner.value())).rowCount() > 0;
        refresh(owner);
        return deleted;
    }

    @Override
    public List<AlertRule> enabledRules(UserId owner) {
        List<AlertRule> rules = index().get(owner);
        return rules == null ? List.of() : rules;
    }

    @Override
    public List<UserId> ownersWith(Class<?> conditionKind) {
        List<UserId> owners = new ArrayList<>();
        index().forEach((owner, rules) -> {
            if (rules.stream().anyMatch(r -> conditionKind.isInstance(r.condition()))) {
                owners.add(owner);
            }
        });
        return owners;
    }

    @Override
    public Option<AlertWatch> watch(AlertRuleId rule, UUID botId) {
        for (Row row : pool.preparedQuery("SELECT " + WATCH_COLUMNS + " FROM notification.alert_watches WHERE "
                + "rule_id = $1 AND bot_id = $2").executeAndAwait(Tuple.of(rule.value(), botId))) {
            return Option.some(watch(row));
        }
        return Option.none();
    }

    @Override
    public List<AlertWatch> watches(AlertRuleId rule) {
        List<AlertWatch> watches = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT " + WATCH_COLUMNS + " FROM notification.alert_watches WHERE "
                + "rule_id = $1").executeAndAwait(Tuple.of(rule.value()))) {
            watches.add(watch(row));
        }
        return watches;
    }

    @Override
    public void saveWatch(AlertWatch w) {
        // a rule deleted meanwhile takes its watches with it: inserting for it would break the foreign key
        pool.preparedQuery("INSERT INTO notification.alert_watches (" + WATCH_COLUMNS + ", updated_at) SELECT $1, $2, "
                        + "$3, $4, $5, $6, $7, $8, $9, $10, $11, now() WHERE EXISTS (SELECT 1 FROM "
                        + "notification.alert_rules WHERE id = $1) ON CONFLICT (rule_id, bot_id) DO UPDATE SET "
                        + "breached = $3, breaches = $4, last_sample_time = $5, peak = $6, day = $7, day_open = $8, "
                        + "last_equity = $9, quiet_since = $10, fill_cursor = $11, updated_at = now()")
                .executeAndAwait(Tuple.from(Arrays.asList(w.rule().value(), w.botId(), w.breached(), w.breaches(),
                        w.lastSampleTime() == Long.MIN_VALUE ? null : w.lastSampleTime(), nan(w.peak()),
                        w.day() == Long.MIN_VALUE ? null : w.day(), nan(w.dayOpen()), nan(w.lastEquity()),
                        w.quietSince().map(AlertRuleStoreAdapter::utc).getOrNull(), w.fillCursor())));
    }

    @Override
    public List<UUID> breachedBots(AlertRuleId rule) {
        List<UUID> bots = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT bot_id FROM notification.alert_watches WHERE rule_id = $1 AND "
                + "breached ORDER BY bot_id").executeAndAwait(Tuple.of(rule.value()))) {
            bots.add(row.getUUID(0));
        }
        return bots;
    }

    private Map<UserId, List<AlertRule>> index() {
        Map<UserId, List<AlertRule>> current = enabled;
        if (current == null) {
            synchronized (this) {
                if (enabled == null) {
                    Map<UserId, List<AlertRule>> loaded = new ConcurrentHashMap<>();
                    for (Row row : pool.query("SELECT " + COLUMNS + " FROM notification.alert_rules WHERE enabled "
                            + "ORDER BY created_at, id").executeAndAwait()) {
                        AlertRule r = rule(row);
                        loaded.computeIfAbsent(r.owner(), o -> new ArrayList<>()).add(r);
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
        Map<UserId, List<AlertRule>> index = index();
        synchronized (this) {
            List<AlertRule> mine = new ArrayList<>();
            for (Row row : pool.preparedQuery("SELECT " + COLUMNS + " FROM notification.alert_rules WHERE owner_id = "
                    + "$1 AND enabled ORDER BY created_at, id").executeAndAwait(Tuple.of(owner.value()))) {
                mine.add(rule(row));
            }
            if (mine.isEmpty()) {
                index.remove(owner);
            } else {
                index.put(owner, List.copyOf(mine));
            }
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Double nan(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static double nan(Row row, String column) {
        Double value = row.getDouble(column);
        return value == null ? Double.NaN : value;
    }

    static AlertRule rule(Row row) {
        BigDecimal threshold = row.getBigDecimal("threshold");
        AlertCondition condition = switch (row.getString("kind")) {
            case "drawdown" -> new AlertCondition.Drawdown(threshold);
            case "exposure" -> new AlertCondition.Exposure(threshold);
            case "no_trade" -> new AlertCondition.NoTrade(threshold);
            default -> new AlertCondition.DailyLoss(threshold, "quote".equals(row.getString("unit")));
        };
        return new AlertRule(new AlertRuleId(row.getUUID("id")), new UserId(row.getUUID("owner_id")),
                row.getString("name"), condition, Option.of(row.getUUID("bot_id")), row.getBoolean("enabled"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }

    private static AlertWatch watch(Row row) {
        Long lastSample = row.getLong("last_sample_time");
        Long day = row.getLong("day");
        return new AlertWatch(new AlertRuleId(row.getUUID("rule_id")), row.getUUID("bot_id"),
                row.getBoolean("breached"), row.getInteger("breaches"),
                lastSample == null ? Long.MIN_VALUE : lastSample, nan(row, "peak"),
                day == null ? Long.MIN_VALUE : day, nan(row, "day_open"), nan(row, "last_equity"),
                Option.of(row.getOffsetDateTime("quiet_since")).map(OffsetDateTime::toInstant),
                row.getLong("fill_cursor"));
    }
}
