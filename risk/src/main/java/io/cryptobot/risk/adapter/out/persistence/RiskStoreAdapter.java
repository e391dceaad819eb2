package io.cryptobot.risk.adapter.out.persistence;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.application.port.in.TradingStatus;
import io.cryptobot.risk.application.port.in.TradingStateFeedQuery;
import io.cryptobot.risk.application.port.out.RiskStorePort;
import io.cryptobot.risk.domain.event.UserTradingStateChanged;
import io.cryptobot.risk.domain.LimitsInput;
import io.cryptobot.risk.domain.RiskLimits;
import io.cryptobot.risk.domain.TradingState;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Option;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Trading states, their audit trail and limits in schema {@code risk}. */
@ApplicationScoped
class RiskStoreAdapter implements RiskStorePort {
    private final Pool pool;

    RiskStoreAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public TradingStatus status(UserId owner) {
        RowSet<Row> rows = pool.preparedQuery("SELECT state, reason, since FROM risk.trading_states WHERE owner_id = $1")
                .executeAndAwait(Tuple.of(owner.value()));
        if (rows.rowCount() == 0) {
            return TradingStatus.INITIAL;
        }
        Row row = rows.iterator().next();
        return new TradingStatus(state(row.getString("state")), Option.some(row.getOffsetDateTime("since").toInstant()),
                Option.some(row.getString("reason")));
    }

    @Override
    public boolean changeState(UserId owner, TradingStateChanged change, boolean dailyLossHalt) {
        var since = change.occurredAt().atOffset(ZoneOffset.UTC);
        // compare-and-set on the state the change was decided from (no row = active), and the audit row, together
        return pool.withTransaction(connection -> connection.preparedQuery(
                                "INSERT INTO risk.trading_states (owner_id, state, reason, since) VALUES ($1, $2, $3, $4) "
                                        + "ON CONFLICT (owner_id) DO UPDATE SET state = EXCLUDED.state, "
                                        + "reason = EXCLUDED.reason, since = EXCLUDED.since "
                                        + "WHERE risk.trading_states.state = $5")
                        .execute(Tuple.of(owner.value(), code(change.to()), change.reason(), since, code(change.from())))
                        .flatMap(upserted -> upserted.rowCount() == 0
                                ? Uni.createFrom().item(false)
                                : connection.preparedQuery("INSERT INTO risk.state_events (id, owner_id, from_state, "
                                                + "to_state, reason, occurred_at, daily_loss_halt) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                                        .execute(Tuple.from(java.util.Arrays.asList(change.eventId(), owner.value(),
                                                code(change.from()), code(change.to()), change.reason(), since,
                                                dailyLossHalt)))
                                        .map(inserted -> true)))
                .await().indefinitely();
    }

    @Override
    public Page<TradingStateChanged> history(UserId owner, PageRequest page) {
        RowSet<Row> rows = pool.preparedQuery("SELECT id, from_state, to_state, reason, occurred_at FROM risk.state_events "
                        + "WHERE owner_id = $1 ORDER BY occurred_at DESC, id OFFSET $2 LIMIT $3")
                .executeAndAwait(Tuple.of(owner.value(), page.offset(), page.limit()));
        List<TradingStateChanged> items = new ArrayList<>(rows.rowCount());
        for (Row row : rows) {
            items.add(change(row));
        }
        long total = pool.preparedQuery("SELECT count(*) FROM risk.state_events WHERE owner_id = $1")
                .executeAndAwait(Tuple.of(owner.value())).iterator().next().getLong(0);
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    private static TradingStateChanged change(Row row) {
        EventMeta meta = new EventMeta(row.getUUID("id"), row.getOffsetDateTime("occurred_at").toInstant());
        TradingState from = state(row.getString("from_state"));
        String reason = row.getString("reason");
        return switch (state(row.getString("to_state"))) {
            case HALTED -> new TradingStateChanged.TradingHalted(meta, from, reason);
            case REDUCING -> new TradingStateChanged.TradingReduced(meta, from, reason);
            case ACTIVE -> new TradingStateChanged.TradingResumed(meta, from, reason);
        };
    }

    @Override
    public long lastChangePosition() {
        return pool.query("SELECT coalesce(max(seq), 0) FROM risk.state_events").executeAndAwait().iterator().next()
                .getLong(0);
    }

    @Override
    public List<TradingStateFeedQuery.StoredChange> changesAfter(long after, long through, int limit) {
        List<TradingStateFeedQuery.StoredChange> changes = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT id, owner_id, from_state, to_state, reason, occurred_at, seq, "
                        + "daily_loss_halt FROM risk.state_events WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3")
                .executeAndAwait(Tuple.of(after, through, limit))) {
            TradingStateChanged change = change(row);
            boolean dailyLoss = row.getBoolean("daily_loss_halt") && change instanceof TradingStateChanged.TradingHalted;
            changes.add(new TradingStateFeedQuery.StoredChange(row.getLong("seq"),
                    new UserTradingStateChanged(new UserId(row.getUUID("owner_id")), change, dailyLoss)));
        }
        return changes;
    }

    @Override
    public Option<RiskLimits> limits(UserId owner) {
        RowSet<Row> rows = pool.preparedQuery("SELECT currency, limits FROM risk.limits WHERE owner_id = $1")
                .executeAndAwait(Tuple.of(owner.value()));
        if (rows.rowCount() == 0) {
            return Option.none();
        }
        Row row = rows.iterator().next();
        JsonObject json = (JsonObject) row.getValue("limits");
        LimitsInput input = new LimitsInput(json.getString("maxOrderNotional"), json.getString("maxPositionSharePercent"),
                json.getString("maxOpenOrders"), json.getString("maxDailyLoss"), json.getString("maxDailyLossPercent"),
                json.getString("maxAssetExposurePercent"), json.getString("maxOrdersPerMinute"));
        return Option.some(input.parse(Asset.parse(row.getString("currency")).get()).toEither()
                .getOrElseThrow(v -> new IllegalStateException("stored limits no longer valid: " + v.mkString("; "))));
    }

    @Override
    public void saveLimits(UserId owner, RiskLimits limits) {
        LimitsInput text = LimitsInput.of(limits);
        JsonObject json = new JsonObject();
        putIfSet(json, "maxOrderNotional", text.maxOrderNotional());
        putIfSet(json, "maxPositionSharePercent", text.maxPositionSharePercent());
        putIfSet(json, "maxOpenOrders", text.maxOpenOrders());
        putIfSet(json, "maxDailyLoss", text.maxDailyLoss());
        putIfSet(json, "maxDailyLossPercent", text.maxDailyLossPercent());
        putIfSet(json, "maxAssetExposurePercent", text.maxAssetExposurePercent());
        putIfSet(json, "maxOrdersPerMinute", text.maxOrdersPerMinute());
        String currency = limits.currency().map(Asset::code).getOrElse("USDT");
        pool.preparedQuery("INSERT INTO risk.limits (owner_id, currency, limits, updated_at) VALUES ($1, $2, $3, now()) "
                        + "ON CONFLICT (owner_id) DO UPDATE SET currency = EXCLUDED.currency, limits = EXCLUDED.limits, "
                        + "updated_at = EXCLUDED.updated_at")
                .executeAndAwait(Tuple.of(owner.value(), currency, json));
    }

    private static void putIfSet(JsonObject json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static String code(TradingState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static TradingState state(String code) {
        return TradingState.valueOf(code.toUpperCase(Locale.ROOT));
    }
}
