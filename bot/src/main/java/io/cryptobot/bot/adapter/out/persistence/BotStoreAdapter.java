package io.cryptobot.bot.adapter.out.persistence;

import io.cryptobot.bot.domain.strategy.EntrySizing;
import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.application.port.out.BotWorkersPort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.bot.domain.bot.FeedSpec;
import io.cryptobot.bot.domain.bot.LiveFeedSpec;
import io.cryptobot.bot.domain.bot.ReplayFeedSpec;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.exchange.domain.fill.VenueCosts;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.domain.LimitsInput;
import io.cryptobot.risk.domain.RiskLimits;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Option;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Bots and their controls in schema {@code bot}. */
@ApplicationScoped
class BotStoreAdapter implements BotStorePort {
    private static final String COLUMNS = "id, owner_id, name, strategy, parameters, instrument, timeframe, account_id, "
            + "cash_units, cash_scale, cash_asset, limits, costs, feed_from, feed_to, feed_speed, status, status_reason, "
            + "last_step, steps, last_close, created_at, updated_at, sizing, feed_kind";
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * A transaction that does not wait for the disk: it is durable with the next synchronous commit (the
     * write-ahead log is flushed in order) or within the WAL writer's delay.
     */
    private static final String NO_FLUSH = "SET LOCAL synchronous_commit = off";
    private final Pool pool;
    private final GroupedCheckpoints checkpoints;
    private final java.util.concurrent.ConcurrentHashMap<UserId, java.util.concurrent.atomic.AtomicLong> versions =
            new java.util.concurrent.ConcurrentHashMap<>();

    BotStoreAdapter(Pool pool, BotWorkersPort workers) {
        this.pool = pool;
        // a burst's checkpoints are written after its decisions, not beside them
        this.checkpoints = new GroupedCheckpoints(pool, workers.afterWaitingSteps(), this::written);
    }

    @Override
    public long version(UserId owner) {
        java.util.concurrent.atomic.AtomicLong version = versions.get(owner);
        return version == null ? 0 : version.get();
    }

    /** After the write, committed or not: a reader that saw the old version read before it could see the change. */
    private void written(UserId owner) {
        versions.computeIfAbsent(owner, o -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
    }

    @Override
    public boolean insert(Bot bot, BotControl created) {
        try {
            return inserted(bot, created);
        } finally {
            written(bot.owner());
        }
    }

    private boolean inserted(Bot bot, BotControl created) {
        try {
            pool.withTransaction(connection -> connection.preparedQuery("INSERT INTO bot.bots (" + COLUMNS + ") VALUES "
                            + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, "
                            + "$20, $21, $22, $23, $24, $25)").execute(row(bot))
                    .flatMap(ignored -> insertControl(connection, bot.id(), created))).await().indefinitely();
            return true;
        } catch (PgException e) {
            if (UNIQUE_VIOLATION.equals(e.getSqlState())) {
                return false;
            }
            throw e;
        }
    }

    private static final String INSERT_CONTROL = "INSERT INTO bot.controls (bot_id, kind, after_step, reason, at, "
            + "payload) VALUES ($1, $2, $3, $4, $5, $6)";

    private static Uni<Void> insertControl(io.vertx.mutiny.sqlclient.SqlConnection connection, BotId id,
                                           BotControl control) {
        return connection.preparedQuery(INSERT_CONTROL).execute(controlRow(id, control)).replaceWithVoid();
    }

    private static Tuple controlRow(BotId id, BotControl control) {
        return Tuple.tuple(Arrays.asList(id.value(), code(control.kind()), control.afterStep(), control.reason(),
                utc(control.at()), ControlPayload.of(control)));
    }

    @Override
    public Option<Bot> load(UserId owner, BotId id) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM bot.bots WHERE id = $1 AND owner_id = $2")
                .executeAndAwait(Tuple.of(id.value(), owner.value()));
        return rows.rowCount() == 0 ? Option.none() : Option.some(bot(rows.iterator().next()));
    }

    @Override
    public Page<Bot> list(UserId owner, PageRequest page) {
        List<Bot> items = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT " + COLUMNS + " FROM bot.bots WHERE owner_id = $1 "
                + "ORDER BY created_at DESC, id OFFSET $2 LIMIT $3").executeAndAwait(
                Tuple.of(owner.value(), page.offset(), page.limit()))) {
            items.add(bot(row));
        }
        long total = pool.preparedQuery("SELECT count(*) FROM bot.bots WHERE owner_id = $1")
                .executeAndAwait(Tuple.of(owner.value())).iterator().next().getLong(0);
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    @Override
    public boolean update(Bot bot, BotStatus expected, BotControl control) {
        return update(bot, expected, List.of(control));
    }

    @Override
    public boolean update(Bot bot, BotStatus expected, List<BotControl> controls) {
        try {
            return updated(bot, expected, controls);
        } finally {
            written(bot.owner());
        }
    }

    private boolean updated(Bot bot, BotStatus expected, List<BotControl> controls) {
        List<Tuple> rows = controls.stream().map(control -> controlRow(bot.id(), control)).toList();
        try {
            return pool.withTransaction(connection -> connection.preparedQuery("UPDATE bot.bots SET status = $1, "
                                    + "status_reason = $2, last_step = $3, steps = $4, last_close = $5, updated_at = $6, "
                                    + "feed_from = COALESCE($10, feed_from) "
                                    + "WHERE id = $7 AND owner_id = $8 AND status = $9")
                            .execute(Tuple.tuple(Arrays.asList(code(bot.status()), bot.statusReason().getOrNull(),
                                    bot.lastStep().getOrNull(), bot.steps(), closeText(bot),
                                    utc(bot.updatedAt()), bot.id().value(), bot.owner().value(), code(expected),
                                    liveStart(bot))))
                            .flatMap(updated -> updated.rowCount() == 0 ? Uni.createFrom().item(false)
                                    : connection.preparedQuery(INSERT_CONTROL).executeBatch(rows).replaceWith(true)))
                    .await().indefinitely();
        } catch (PgException e) {
            if (UNIQUE_VIOLATION.equals(e.getSqlState())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean move(Bot bot, BotStatus expected) {
        try {
            return moved(bot, expected);
        } finally {
            written(bot.owner());
        }
    }

    private boolean moved(Bot bot, BotStatus expected) {
        return pool.preparedQuery("UPDATE bot.bots SET status = $1, status_reason = $2, last_step = $3, steps = $4, "
                        + "last_close = $5, updated_at = $6, feed_from = COALESCE($10, feed_from) "
                        + "WHERE id = $7 AND owner_id = $8 AND status = $9")
                .executeAndAwait(Tuple.tuple(Arrays.asList(code(bot.status()), bot.statusReason().getOrNull(),
                        bot.lastStep().getOrNull(), bot.steps(), closeText(bot), utc(bot.updatedAt()),
                        bot.id().value(), bot.owner().value(), code(expected), liveStart(bot))))
                .rowCount() == 1;
    }

    @Override
    public boolean checkpoint(Bot bot) {
        try {
            return checkpointed(bot);
        } finally {
            written(bot.owner());
        }
    }

    @Override
    public boolean checkpoint(Bot bot, io.cryptobot.portfolio.domain.metrics.EquitySeries equity) {
        return checkpoints.write(bot, liveStart(bot), equity);
    }

    @Override
    public java.util.concurrent.CompletableFuture<Boolean> checkpointLater(Bot bot,
            io.cryptobot.portfolio.domain.metrics.EquitySeries equity) {
        return checkpoints.writeLater(bot, liveStart(bot), equity);
    }

    private boolean checkpointed(Bot bot) {
        return pool.withTransaction(connection -> connection.query(NO_FLUSH).execute()
                        .flatMap(ignored -> connection.preparedQuery("UPDATE bot.bots SET last_step = $1, steps = $2, "
                                        + "last_close = $3, updated_at = $4, feed_from = COALESCE($6, feed_from) "
                                        + "WHERE id = $5 AND status IN ('running', 'paused')")
                                .execute(Tuple.tuple(Arrays.asList(bot.lastStep().getOrNull(), bot.steps(),
                                        closeText(bot), utc(bot.updatedAt()), bot.id().value(), liveStart(bot))))))
                .await().indefinitely().rowCount() == 1;
    }

    @Override
    public void addControl(BotId id, BotControl control) {
        pool.withConnection(connection -> insertControl(connection, id, control)).await().indefinitely();
    }

    @Override
    public void addControls(BotId id, List<BotControl> controls) {
        List<Tuple> rows = controls.stream().map(control -> controlRow(id, control)).toList();
        pool.withTransaction(connection -> connection.preparedQuery(INSERT_CONTROL).executeBatch(rows))
                .await().indefinitely();
    }

    @Override
    public void addControlsDurableWithNextCommit(BotId id, List<BotControl> controls) {
        List<Tuple> rows = controls.stream().map(control -> controlRow(id, control)).toList();
        pool.withTransaction(connection -> connection.query(NO_FLUSH).execute()
                .flatMap(ignored -> connection.preparedQuery(INSERT_CONTROL).executeBatch(rows)))
                .await().indefinitely();
    }

    @Override
    public void addControlsDurableWithNextCommit(List<BotControls> controls) {
        List<Tuple> rows = new ArrayList<>();
        controls.forEach(bot -> bot.controls().forEach(control -> rows.add(controlRow(bot.bot(), control))));
        if (rows.isEmpty()) {
            return;
        }
        pool.withTransaction(connection -> connection.query(NO_FLUSH).execute()
                .flatMap(ignored -> connection.preparedQuery(INSERT_CONTROL).executeBatch(rows)))
                .await().indefinitely();
    }

    @Override
    public List<BotControl> controls(BotId id) {
        List<BotControl> controls = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT kind, after_step, reason, at, payload FROM bot.controls "
                + "WHERE bot_id = $1 ORDER BY seq").executeAndAwait(Tuple.of(id.value()))) {
            BotControl.Kind kind = BotControl.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT));
            JsonObject payload = (JsonObject) row.getValue("payload");
            controls.add(new BotControl(kind, row.getLong("after_step"), row.getString("reason"),
                    row.getOffsetDateTime("at").toInstant(), ControlPayload.placed(kind, payload),
                    ControlPayload.order(kind, payload, order -> legacyHandOrderId(id, order)),
                    ControlPayload.report(kind, payload)));
        }
        return controls;
    }

    private static final String ALARM_KINDS = "('failed', 'incident', 'opening_blocked', 'venue_reconciled')";

    @Override
    public long lastAlarmEntryPosition() {
        return pool.query("SELECT coalesce(max(seq), 0) FROM bot.controls WHERE kind IN " + ALARM_KINDS)
                .executeAndAwait().iterator().next().getLong(0);
    }

    @Override
    public List<AlarmEntry> alarmEntriesAfter(long after, long through, int limit) {
        List<AlarmEntry> entries = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT c.seq, c.bot_id, c.kind, c.after_step, c.reason, c.at, b.owner_id, "
                        + "b.name, CASE WHEN c.kind = 'venue_reconciled' THEN (SELECT p.reason FROM bot.controls p "
                        + "WHERE p.bot_id = c.bot_id AND p.kind = 'venue_reconciled' AND p.seq < c.seq "
                        + "ORDER BY p.seq DESC LIMIT 1) END AS previous "
                        + "FROM bot.controls c JOIN bot.bots b ON b.id = c.bot_id "
                        + "WHERE c.seq > $1 AND c.seq <= $2 AND c.kind IN " + ALARM_KINDS + " ORDER BY c.seq LIMIT $3")
                .executeAndAwait(Tuple.of(after, through, limit))) {
            BotControl.Kind kind = BotControl.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT));
            entries.add(new AlarmEntry(row.getLong("seq"), new UserId(row.getUUID("owner_id")),
                    row.getUUID("bot_id"), row.getString("name"), new BotControl(kind, row.getLong("after_step"),
                    row.getString("reason"), row.getOffsetDateTime("at").toInstant()),
                    Option.of(row.getString("previous")).getOrElse("")));
        }
        return entries;
    }

    /** The id hand orders were given before ids were journaled: a function of the bot and the client order id. */
    private static io.cryptobot.order.domain.OrderId legacyHandOrderId(BotId bot,
                                                                        io.cryptobot.order.domain.OrderRequest order) {
        return new io.cryptobot.order.domain.OrderId(UUID.nameUUIDFromBytes((bot.value() + "/"
                + order.clientOrderId().value()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public Option<BotId> liveOnAccount(UUID accountId) {
        RowSet<Row> rows = pool.preparedQuery("SELECT id FROM bot.bots WHERE account_id = $1 "
                + "AND status IN ('running', 'paused')").executeAndAwait(Tuple.of(accountId));
        return rows.rowCount() == 0 ? Option.none() : Option.some(new BotId(rows.iterator().next().getUUID("id")));
    }

    @Override
    public void appendEquity(BotId id, io.cryptobot.portfolio.domain.metrics.EquitySeries samples) {
        List<Tuple> rows = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            rows.add(Tuple.of(id.value(), samples.time(i), samples.equity(i), samples.exposed(i)));
        }
        pool.withTransaction(connection -> {
            Uni<Void> chain = connection.query(NO_FLUSH).execute().replaceWithVoid();
            for (int from = 0; from < rows.size(); from += 5_000) {
                List<Tuple> chunk = rows.subList(from, Math.min(rows.size(), from + 5_000));
                chain = chain.flatMap(ignored -> connection.preparedQuery("INSERT INTO bot.equity (bot_id, time, "
                        + "equity, exposed) VALUES ($1, $2, $3, $4) ON CONFLICT (bot_id, time) DO NOTHING")
                        .executeBatch(chunk).replaceWithVoid());
            }
            return chain;
        }).await().indefinitely();
    }

    @Override
    public io.cryptobot.portfolio.domain.metrics.EquitySeries equity(BotId id) {
        io.cryptobot.portfolio.domain.metrics.EquitySeries series = new io.cryptobot.portfolio.domain.metrics.EquitySeries();
        for (Row row : pool.preparedQuery("SELECT time, equity, exposed FROM bot.equity WHERE bot_id = $1 ORDER BY time")
                .executeAndAwait(Tuple.of(id.value()))) {
            series.append(row.getLong(0), row.getDouble(1), row.getBoolean(2));
        }
        return series;
    }

    @Override
    public List<Bot> onAccount(UserId owner, UUID accountId, java.util.Set<BotStatus> statuses) {
        List<Bot> bots = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT " + COLUMNS + " FROM bot.bots WHERE owner_id = $1 "
                        + "AND account_id = $2 AND status = ANY($3) ORDER BY created_at")
                .executeAndAwait(Tuple.of(owner.value(), accountId,
                        statuses.stream().map(BotStatus::code).toArray(String[]::new)))) {
            bots.add(bot(row));
        }
        return bots;
    }

    @Override
    public List<Bot> liveOf(UserId owner) {
        List<Bot> bots = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT " + COLUMNS + " FROM bot.bots WHERE owner_id = $1 "
                + "AND status IN ('running', 'paused') ORDER BY created_at").executeAndAwait(Tuple.of(owner.value()))) {
            bots.add(bot(row));
        }
        return bots;
    }

    @Override
    public long count(UserId owner, java.util.Set<BotStatus> statuses) {
        return pool.preparedQuery("SELECT count(*) FROM bot.bots WHERE owner_id = $1 AND status = ANY($2)")
                .executeAndAwait(Tuple.of(owner.value(), statuses.stream().map(BotStatus::code).toArray(String[]::new)))
                .iterator().next().getLong(0);
    }

    @Override
    public List<Bot> live() {
        List<Bot> bots = new ArrayList<>();
        for (Row row : pool.query("SELECT " + COLUMNS + " FROM bot.bots WHERE status IN ('running', 'paused') "
                + "ORDER BY created_at").executeAndAwait()) {
            bots.add(bot(row));
        }
        return bots;
    }

    /** A live feed's start once known (it is fixed with the first step's checkpoint); null otherwise. */
    private static Long liveStart(Bot bot) {
        return bot.feed() instanceof LiveFeedSpec live ? live.start().getOrNull() : null;
    }

    private static Tuple row(Bot bot) {
        JsonObject parameters = new JsonObject();
        bot.parameters().forEach(parameters::put);
        LimitsInput limits = LimitsInput.of(bot.limits());
        JsonObject limitsJson = new JsonObject();
        putIfSet(limitsJson, "currency", bot.limits().currency().map(Asset::code).getOrNull());
        putIfSet(limitsJson, "maxOrderNotional", limits.maxOrderNotional());
        putIfSet(limitsJson, "maxPositionSharePercent", limits.maxPositionSharePercent());
        putIfSet(limitsJson, "maxOpenOrders", limits.maxOpenOrders());
        putIfSet(limitsJson, "maxDailyLoss", limits.maxDailyLoss());
        putIfSet(limitsJson, "maxDailyLossPercent", limits.maxDailyLossPercent());
        putIfSet(limitsJson, "maxAssetExposurePercent", limits.maxAssetExposurePercent());
        putIfSet(limitsJson, "maxOrdersPerMinute", limits.maxOrdersPerMinute());
        Option<ReplayFeedSpec> replay = bot.feed() instanceof ReplayFeedSpec r ? Option.some(r) : Option.none();
        JsonObject costs = new JsonObject().put("makerFee", plain(bot.costs().makerFee()))
                .put("takerFee", plain(bot.costs().takerFee())).put("slippageBps", bot.costs().slippageBps())
                .put("maxVolumeShare", plain(bot.costs().maxVolumeShare()));
        return Tuple.tuple(Arrays.asList(bot.id().value(), bot.owner().value(), bot.name(), bot.strategy(), parameters,
                bot.instrument().toString(), bot.timeframe().code(), bot.accountId(), bot.startingCash().units(),
                (short) bot.startingCash().scale(), bot.startingCash().asset().code(), limitsJson, costs,
                bot.feed().tradingStart().getOrNull(), replay.map(ReplayFeedSpec::to).getOrNull(),
                replay.map(ReplayFeedSpec::speed).getOrNull(), code(bot.status()),
                bot.statusReason().getOrNull(), bot.lastStep().getOrNull(), bot.steps(), closeText(bot),
                utc(bot.createdAt()), utc(bot.updatedAt()), bot.sizing().map(BotStoreAdapter::sizingJson).getOrNull(),
                bot.feed().kind()));
    }

    private static JsonObject sizingJson(Sizing sizing) {
        EntrySizing.Raw raw = EntrySizing.raw(sizing);
        JsonObject json = new JsonObject().put("kind", raw.kind());
        putIfSet(json, "quantity", raw.quantity());
        putIfSet(json, "amount", raw.amount());
        putIfSet(json, "percent", raw.percent());
        return json;
    }

    /** Null for bots created before sizing existed and for those left to their strategy's own sizing. */
    private static Option<Sizing> sizing(JsonObject json) {
        if (json == null) {
            return Option.none();
        }
        return EntrySizing.parse(new EntrySizing.Raw(json.getString("kind"), json.getString("quantity"),
                json.getString("amount"), json.getString("percent"))).toEither()
                .getOrElseThrow(v -> new IllegalStateException("stored bot sizing no longer valid: " + v.mkString("; ")));
    }

    private static Bot bot(Row row) {
        JsonObject parameters = (JsonObject) row.getValue("parameters");
        Map<String, String> params = new LinkedHashMap<>();
        parameters.forEach(entry -> params.put(entry.getKey(), String.valueOf(entry.getValue())));
        InstrumentId instrument = InstrumentId.parse(row.getString("instrument")).get();
        JsonObject limits = (JsonObject) row.getValue("limits");
        Asset currency = Option.of(limits.getString("currency")).map(c -> Asset.parse(c).get())
                .getOrElse(instrument.quote());
        RiskLimits riskLimits = new LimitsInput(limits.getString("maxOrderNotional"),
                limits.getString("maxPositionSharePercent"), limits.getString("maxOpenOrders"),
                limits.getString("maxDailyLoss"), limits.getString("maxDailyLossPercent"),
                limits.getString("maxAssetExposurePercent"), limits.getString("maxOrdersPerMinute"))
                .parse(currency).toEither()
                .getOrElseThrow(v -> new IllegalStateException("stored bot limits no longer valid: " + v.mkString("; ")));
        JsonObject costs = (JsonObject) row.getValue("costs");
        VenueCosts venueCosts = VenueCosts.parse(costs.getString("makerFee"), costs.getString("takerFee"),
                String.valueOf(costs.getLong("slippageBps")), costs.getString("maxVolumeShare")).toEither()
                .getOrElseThrow(v -> new IllegalStateException("stored bot costs no longer valid: " + v.mkString("; ")));
        return new Bot(new BotId(row.getUUID("id")), new UserId(row.getUUID("owner_id")), row.getString("name"),
                row.getString("strategy"), params, instrument, Timeframe.parse(row.getString("timeframe")).get(),
                row.getUUID("account_id"), new Money(row.getLong("cash_units"), row.getShort("cash_scale"),
                Asset.parse(row.getString("cash_asset")).get()), riskLimits, venueCosts,
                sizing((JsonObject) row.getValue("sizing")),
                feed(row),
                BotStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                Option.of(row.getString("status_reason")), Option.of(row.getLong("last_step")), row.getLong("steps"),
                Option.of(row.getString("last_close")).map(BotStoreAdapter::price),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }

    private static FeedSpec feed(Row row) {
        return switch (row.getString("feed_kind")) {
            case ReplayFeedSpec.KIND -> new ReplayFeedSpec(row.getLong("feed_from"), row.getLong("feed_to"),
                    row.getLong("feed_speed"));
            case LiveFeedSpec.KIND -> new LiveFeedSpec(Option.of(row.getLong("feed_from")));
            default -> throw new IllegalStateException("stored bot has an unknown feed kind " + row.getString("feed_kind"));
        };
    }

    /** The last close as exact text at its price scale ({@code 42000.50}). */
    static String closeText(Bot bot) {
        return bot.lastClose().map(close -> close.toBigDecimal().toPlainString()).getOrNull();
    }

    private static io.cryptobot.kernel.domain.Price price(String text) {
        BigDecimal value = new BigDecimal(text);
        return new io.cryptobot.kernel.domain.Price(value.unscaledValue().longValueExact(), value.scale());
    }

    private static void putIfSet(JsonObject json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static String plain(Rate rate) {
        return rate.toBigDecimal().toPlainString();
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
