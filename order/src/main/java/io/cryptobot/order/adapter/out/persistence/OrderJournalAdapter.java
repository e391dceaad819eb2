package io.cryptobot.order.adapter.out.persistence;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderActivity;
import io.cryptobot.order.application.port.in.RecordOrderActivityUseCase.OwnedActivity;
import io.cryptobot.order.application.port.in.OrderDetails;
import io.cryptobot.order.application.port.in.OrderEventView;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.cryptobot.order.application.port.in.OrderFilter;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.application.port.in.OrderJournalFeedQuery.JournaledFill;
import io.cryptobot.order.application.port.in.OrderJournalFeedQuery.JournaledRefusal;
import io.cryptobot.order.application.port.out.OrderJournalFeedPort;
import io.cryptobot.order.application.port.out.OrderJournalPort;
import io.cryptobot.order.domain.OrderStatus;
import io.cryptobot.order.domain.event.OrderEvent;
import io.cryptobot.order.domain.event.OrderEvents;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Option;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The order journal in schema {@code orders}; every read filters by owner. */
@ApplicationScoped
class OrderJournalAdapter implements OrderJournalPort, OrderJournalFeedPort {
    private static final String ORDER_COLUMNS = "id, client_order_id, account_id, bot_id, instrument, side, type, "
            + "quantity, limit_price, trigger_price, time_in_force, reduce_only, status, filled_quantity, "
            + "average_price, venue_order_id, correlation_id, tag, created_at, updated_at";
    private static final String FILL_COLUMNS = "order_id, trade_id, account_id, bot_id, instrument, side, qty_units, "
            + "qty_scale, price_units, price_scale, fee_units, fee_scale, fee_asset, liquidity, executed_at";
    private final Pool pool;

    OrderJournalAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public void save(UserId owner, OrderActivity activity) {
        saveAll(List.of(new OwnedActivity(owner, activity)));
    }

    @Override
    public void saveAll(List<OwnedActivity> activities) {
        List<Tuple> orders = new ArrayList<>();
        // the owner of each order row, in the order of the rows (and so of the batch's results)
        List<UserId> orderOwners = new ArrayList<>();
        List<Tuple> events = new ArrayList<>();
        List<Tuple> fills = new ArrayList<>();
        for (OwnedActivity owned : activities) {
            UserId owner = owned.owner();
            OrderActivity activity = owned.activity();
            for (OrderActivity.TrackedOrder tracked : activity.orders()) {
                // the row is the view the journal serves, so what is read back is what was written
                OrderView o = OrderView.of(tracked);
                orders.add(Tuple.tuple(Arrays.asList(o.id(), owner.value(), o.accountId(), o.botId(),
                        o.clientOrderId(), o.instrument(), o.side(), o.type(), o.quantity(), o.limitPrice(),
                        o.triggerPrice(), o.timeInForce(), o.reduceOnly(), o.status(), o.filledQuantity(),
                        o.averagePrice(), o.venueOrderId(), o.correlationId(), o.tag(), utc(o.createdAt()),
                        utc(o.updatedAt()))));
                orderOwners.add(owner);
            }
            for (OrderActivity.TrackedEvent tracked : activity.events()) {
                OrderEvent event = tracked.event();
                events.add(Tuple.tuple(Arrays.asList(event.eventId(), event.orderId().value(), owner.value(),
                        tracked.accountId(), nullable(tracked.botId()), tracked.instrument().toString(),
                        code(tracked.side()), event.correlationId().value(), OrderEvents.type(event),
                        OrderEvents.detail(event), utc(event.occurredAt()))));
            }
            for (OrderActivity.TrackedFill f : activity.fills()) {
                fills.add(Tuple.tuple(Arrays.asList(f.orderId().value(), f.fill().tradeId().value(), owner.value(),
                        f.accountId(), nullable(f.botId()), f.instrument().toString(), code(f.side()),
                        f.fill().lastQty().units(), (short) f.fill().lastQty().scale(), f.fill().lastPx().units(),
                        (short) f.fill().lastPx().scale(), f.fill().commission().units(),
                        (short) f.fill().commission().scale(), f.fill().commission().asset().code(),
                        code(f.fill().liquiditySide()), utc(f.fill().executedAt()))));
            }
        }
        pool.withTransaction(connection -> batch(connection, "INSERT INTO orders.orders (id, owner_id, account_id, "
                        + "bot_id, client_order_id, instrument, side, type, quantity, limit_price, trigger_price, "
                        + "time_in_force, reduce_only, status, filled_quantity, average_price, venue_order_id, "
                        + "correlation_id, tag, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                        + "$10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) ON CONFLICT (id) DO UPDATE SET "
                        + "status = EXCLUDED.status, filled_quantity = EXCLUDED.filled_quantity, "
                        + "average_price = EXCLUDED.average_price, venue_order_id = EXCLUDED.venue_order_id, "
                        + "updated_at = EXCLUDED.updated_at WHERE orders.orders.owner_id = EXCLUDED.owner_id "
                        + "RETURNING (xmax = 0) AS inserted", orders)
                        .flatMap(inserted -> countNew(connection, orderOwners, inserted))
                        .flatMap(ignored -> batch(connection, "INSERT INTO orders.order_events (id, order_id, owner_id, "
                                + "account_id, bot_id, instrument, side, correlation_id, type, detail, occurred_at) "
                                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING",
                                events))
                        .flatMap(ignored -> batch(connection, "INSERT INTO orders.fills (order_id, trade_id, owner_id, "
                                + "account_id, bot_id, instrument, side, qty_units, qty_scale, price_units, price_scale, "
                                + "fee_units, fee_scale, fee_asset, liquidity, executed_at) VALUES ($1, $2, $3, $4, $5, "
                                + "$6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) "
                                + "ON CONFLICT (order_id, trade_id) DO NOTHING", fills)))
                .await().indefinitely();
    }

    @Override
    public long lastFillPosition() {
        return pool.query("SELECT coalesce(max(seq), 0) FROM orders.fills").executeAndAwait().iterator().next()
                .getLong(0);
    }

    @Override
    public List<JournaledFill> fillsAfter(long after, long through, int limit) {
        List<JournaledFill> fills = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT " + FILL_COLUMNS + ", seq, owner_id FROM orders.fills WHERE seq > $1 "
                + "AND seq <= $2 ORDER BY seq LIMIT $3").executeAndAwait(Tuple.of(after, through, limit))) {
            fills.add(new JournaledFill(row.getLong(15), new UserId(row.getUUID(16)), fill(row)));
        }
        return fills;
    }

    @Override
    public long lastRefusalPosition() {
        return pool.query("SELECT coalesce(max(seq), 0) FROM orders.order_events WHERE type IN ('denied', 'rejected')")
                .executeAndAwait().iterator().next().getLong(0);
    }

    @Override
    public List<JournaledRefusal> refusalsAfter(long after, long through, int limit) {
        List<JournaledRefusal> refusals = new ArrayList<>();
        String orderColumns = "o." + ORDER_COLUMNS.replace(", ", ", o.");
        for (Row row : pool.preparedQuery("SELECT " + orderColumns + ", e.seq, e.owner_id, e.id, e.order_id, "
                        + "e.correlation_id, e.account_id, e.bot_id, e.instrument, e.side, e.type, e.detail, "
                        + "e.occurred_at FROM orders.order_events e JOIN orders.orders o ON o.id = e.order_id "
                        + "WHERE e.type IN ('denied', 'rejected') AND e.seq > $1 AND e.seq <= $2 ORDER BY e.seq "
                        + "LIMIT $3")
                .executeAndAwait(Tuple.of(after, through, limit))) {
            OrderEventView event = new OrderEventView(row.getUUID(22), row.getUUID(23), row.getUUID(24),
                    row.getUUID(25), row.getUUID(26), row.getString(27), row.getString(28), row.getString(29),
                    row.getString(30), row.getOffsetDateTime(31).toInstant());
            refusals.add(new JournaledRefusal(row.getLong(20), new UserId(row.getUUID(21)), event, order(row)));
        }
        return refusals;
    }

    private static Uni<RowSet<Row>> batch(SqlConnection connection, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().nullItem() : connection.preparedQuery(sql).executeBatch(rows);
    }

    /**
     * Adds the orders the batch inserted (not those it updated) to their owners' totals; {@code owners} names the
     * owner of each row, in the batch's order (one result a row). Owners in a fixed order, so two batches that
     * count for the same owners lock their totals in the same order.
     */
    private static Uni<Void> countNew(SqlConnection connection, List<UserId> owners, RowSet<Row> results) {
        java.util.Map<UUID, Long> added = new java.util.TreeMap<>();
        int at = 0;
        for (RowSet<Row> result = results; result != null; result = result.next(), at++) {
            for (Row row : result) {
                if (row.getBoolean("inserted")) {
                    added.merge(owners.get(at).value(), 1L, Long::sum);
                }
            }
        }
        if (added.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = added.entrySet().stream().map(e -> Tuple.of(e.getKey(), e.getValue())).toList();
        String upsert = "INSERT INTO orders.owner_totals (owner_id, orders) VALUES ($1, $2) "
                + "ON CONFLICT (owner_id) DO UPDATE SET orders = orders.owner_totals.orders + EXCLUDED.orders";
        return (rows.size() == 1 ? connection.preparedQuery(upsert).execute(rows.get(0))
                : connection.preparedQuery(upsert).executeBatch(rows)).replaceWithVoid();
    }

    @Override
    public Option<OrderDetails> load(UserId owner, UUID orderId) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + ORDER_COLUMNS + " FROM orders.orders WHERE id = $1 "
                + "AND owner_id = $2").executeAndAwait(Tuple.of(orderId, owner.value()));
        if (rows.rowCount() == 0) {
            return Option.none();
        }
        OrderView order = order(rows.iterator().next());
        List<OrderDetails.Event> events = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT id, type, detail, occurred_at FROM orders.order_events "
                + "WHERE order_id = $1 ORDER BY seq").executeAndAwait(Tuple.of(orderId))) {
            events.add(new OrderDetails.Event(row.getUUID("id").toString(), row.getString("type"),
                    row.getString("detail"), row.getOffsetDateTime("occurred_at").toInstant()));
        }
        List<FillView> fills = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT " + FILL_COLUMNS + " FROM orders.fills WHERE order_id = $1 "
                + "AND owner_id = $2 ORDER BY seq").executeAndAwait(Tuple.of(orderId, owner.value()))) {
            fills.add(fill(row));
        }
        return Option.some(new OrderDetails(order, events, fills));
    }

    @Override
    public Uni<Page<OrderView>> list(UserId owner, OrderFilter filter, PageRequest page) {
        Where where = where(owner, filter, "created_at");
        if (!filter.statuses().isEmpty()) {
            where.add("status = ANY($" + (where.args.size() + 1) + ")",
                    filter.statuses().stream().map(OrderJournalAdapter::code).toArray(String[]::new));
        }
        // unfiltered, the owner's total comes with the page in the same round trip
        boolean unfiltered = filter.equals(OrderFilter.ANY);
        String total = unfiltered ? ", (SELECT orders FROM orders.owner_totals WHERE owner_id = $1) AS owner_total" : "";
        return pool.preparedQuery("SELECT " + ORDER_COLUMNS + total + " FROM orders.orders WHERE " + where.sql()
                        + " ORDER BY created_at DESC, id DESC OFFSET " + page.offset() + " LIMIT " + page.limit())
                .execute(Tuple.tuple(where.args))
                .flatMap(rows -> {
                    List<OrderView> items = new ArrayList<>(rows.rowCount());
                    Long ownerTotal = null;
                    for (Row row : rows) {
                        items.add(order(row));
                        if (unfiltered) {
                            ownerTotal = row.getLong(20);
                        }
                    }
                    if (knownTotal(items.size(), page) || ownerTotal != null) {
                        long known = ownerTotal != null ? ownerTotal : (long) page.offset() + items.size();
                        return Uni.createFrom().item(new Page<>(items, page.offset(), page.limit(), known));
                    }
                    return pool.preparedQuery("SELECT count(*) FROM orders.orders WHERE " + where.sql())
                            .execute(Tuple.tuple(where.args))
                            .map(count -> new Page<>(items, page.offset(), page.limit(),
                                    count.iterator().next().getLong(0)));
                });
    }

    @Override
    public Page<FillView> fills(UserId owner, OrderFilter filter, PageRequest page) {
        Where where = where(owner, filter, "executed_at");
        List<FillView> items = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT " + FILL_COLUMNS + " FROM orders.fills WHERE " + where.sql()
                        + " ORDER BY executed_at DESC, seq DESC OFFSET " + page.offset() + " LIMIT " + page.limit())
                .executeAndAwait(Tuple.tuple(where.args))) {
            items.add(fill(row));
        }
        return new Page<>(items, page.offset(), page.limit(), count("orders.fills", where, items.size(), page));
    }

    @Override
    public List<FillView> fillsOfBot(UserId owner, UUID botId) {
        List<FillView> fills = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT " + FILL_COLUMNS + " FROM orders.fills WHERE bot_id = $1 "
                + "AND owner_id = $2 ORDER BY seq").executeAndAwait(Tuple.of(botId, owner.value()))) {
            fills.add(fill(row));
        }
        return fills;
    }

    @Override
    public io.cryptobot.order.application.port.in.FillsSince fillsOfBotSince(UserId owner, UUID botId, long after) {
        List<FillView> fills = new ArrayList<>();
        long through = after;
        for (Row row : pool.preparedQuery("SELECT " + FILL_COLUMNS + ", seq FROM orders.fills WHERE bot_id = $1 "
                + "AND owner_id = $2 AND seq > $3 ORDER BY seq").executeAndAwait(Tuple.of(botId, owner.value(), after))) {
            fills.add(fill(row));
            through = row.getLong("seq");
        }
        return new io.cryptobot.order.application.port.in.FillsSince(fills, through);
    }

    @Override
    public List<OrderDetails> byCorrelation(UserId owner, UUID correlationId) {
        List<OrderDetails> chain = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT id FROM orders.orders WHERE owner_id = $1 AND correlation_id = $2 "
                + "ORDER BY created_at, id").executeAndAwait(Tuple.of(owner.value(), correlationId))) {
            load(owner, row.getUUID("id")).forEach(chain::add);
        }
        return chain;
    }

    @Override
    public Page<OrderEventView> events(UserId owner, OrderQueries.EventFilter filter, PageRequest page) {
        Where where = new Where();
        where.add("owner_id = $1", owner.value());
        filter.type().forEach(t -> where.add("type = $" + (where.args.size() + 1), t));
        filter.botId().forEach(b -> where.add("bot_id = $" + (where.args.size() + 1), b));
        filter.from().forEach(f -> where.add("occurred_at >= $" + (where.args.size() + 1), utc(f)));
        filter.to().forEach(t -> where.add("occurred_at < $" + (where.args.size() + 1), utc(t)));
        // the event row says whose it is: no join with the orders
        String from = " FROM orders.order_events WHERE " + where.sql();
        List<OrderEventView> items = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT id, order_id, correlation_id, account_id, bot_id, instrument, side, "
                        + "type, detail, occurred_at" + from
                        + " ORDER BY occurred_at DESC, seq DESC OFFSET " + page.offset() + " LIMIT " + page.limit())
                .executeAndAwait(Tuple.tuple(where.args))) {
            items.add(new OrderEventView(row.getUUID("id"), row.getUUID("order_id"), row.getUUID("correlation_id"),
                    row.getUUID("account_id"), row.getUUID("bot_id"), row.getString("instrument"),
                    row.getString("side"), row.getString("type"), row.getString("detail"),
                    row.getOffsetDateTime("occurred_at").toInstant()));
        }
        long total = items.size() < page.limit() && (!items.isEmpty() || page.offset() == 0)
                ? page.offset() + items.size()
                : pool.preparedQuery("SELECT count(*)" + from).executeAndAwait(Tuple.tuple(where.args)).iterator()
                        .next().getLong(0);
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    @Override
    public Option<OrderView> byClientOrderId(UserId owner, UUID accountId, String clientOrderId) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + ORDER_COLUMNS + " FROM orders.orders WHERE owner_id = $1 "
                + "AND account_id = $2 AND client_order_id = $3").executeAndAwait(
                Tuple.of(owner.value(), accountId, clientOrderId));
        return rows.rowCount() == 0 ? Option.none() : Option.some(order(rows.iterator().next()));
    }

    /** Whether the page itself tells the total: it is not full, and not past the end. */
    private static boolean knownTotal(int found, PageRequest page) {
        return found < page.limit() && (found > 0 || page.offset() == 0);
    }

    /** The total only costs a count when the page does not already tell it. */
    private long count(String table, Where where, int found, PageRequest page) {
        if (knownTotal(found, page)) {
            return page.offset() + found;
        }
        return pool.preparedQuery("SELECT count(*) FROM " + table + " WHERE " + where.sql())
                .executeAndAwait(Tuple.tuple(where.args)).iterator().next().getLong(0);
    }

    private static Where where(UserId owner, OrderFilter filter, String timeColumn) {
        Where where = new Where();
        where.add("owner_id = $1", owner.value());
        filter.instrument().forEach(i -> where.add("instrument = $" + (where.args.size() + 1), i));
        filter.botId().forEach(b -> where.add("bot_id = $" + (where.args.size() + 1), b));
        filter.accountId().forEach(a -> where.add("account_id = $" + (where.args.size() + 1), a));
        filter.from().forEach(f -> where.add(timeColumn + " >= $" + (where.args.size() + 1), utc(f)));
        filter.to().forEach(t -> where.add(timeColumn + " < $" + (where.args.size() + 1), utc(t)));
        return where;
    }

    private static final class Where {
        final List<String> clauses = new ArrayList<>();
        final List<Object> args = new ArrayList<>();

        void add(String clause, Object arg) {
            clauses.add(clause);
            args.add(arg);
        }

        String sql() {
            return String.join(" AND ", clauses);
        }
    }

    /** Positional reads in {@link #ORDER_COLUMNS} order: a read by name searches the columns every time. */
    private static OrderView order(Row row) {
        return new OrderView(row.getUUID(0), row.getString(1), row.getUUID(2), row.getUUID(3), row.getString(4),
                row.getString(5), row.getString(6), row.getBigDecimal(7), row.getBigDecimal(8), row.getBigDecimal(9),
                row.getString(10), row.getBoolean(11), row.getString(12), row.getBigDecimal(13), row.getBigDecimal(14),
                row.getString(15), row.getUUID(16), row.getString(17), row.getOffsetDateTime(18).toInstant(),
                row.getOffsetDateTime(19).toInstant());
    }

    /** Positional reads in {@link #FILL_COLUMNS} order. */
    private static FillView fill(Row row) {
        return new FillView(row.getUUID(0), row.getString(1), row.getUUID(2), row.getUUID(3),
                InstrumentId.parse(row.getString(4)).get(), Side.valueOf(row.getString(5).toUpperCase(Locale.ROOT)),
                new Quantity(row.getLong(6), row.getShort(7)), new Price(row.getLong(8), row.getShort(9)),
                new Money(row.getLong(10), row.getShort(11), Asset.parse(row.getString(12)).get()),
                LiquiditySide.valueOf(row.getString(13).toUpperCase(Locale.ROOT)),
                row.getOffsetDateTime(14).toInstant());
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Nulls for the SQL client: vavr's Option stays out of tuples. */
    private static Object nullable(Option<?> value) {
        return value.getOrNull();
    }
}
