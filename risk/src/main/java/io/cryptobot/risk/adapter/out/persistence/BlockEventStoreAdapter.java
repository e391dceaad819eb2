package io.cryptobot.risk.adapter.out.persistence;

import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.application.port.in.BlockEventsUseCase.Filter;
import io.cryptobot.risk.application.port.out.BlockEventStorePort;
import io.cryptobot.risk.domain.BlockEvent;
import io.cryptobot.risk.domain.OrderIntent;
import io.cryptobot.risk.domain.RiskRefusal;
import io.cryptobot.risk.domain.RuleId;
import io.vavr.control.Option;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Block events in {@code risk.block_events}; every read filters by owner. */
@ApplicationScoped
class BlockEventStoreAdapter implements BlockEventStorePort {
    private final Pool pool;

    BlockEventStoreAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public void save(UserId owner, List<BlockEvent> blocks) {
        List<Tuple> rows = new ArrayList<>(blocks.size());
        for (BlockEvent b : blocks) {
            OrderIntent i = b.intent();
            rows.add(Tuple.tuple(Arrays.asList(b.id(), owner.value(), b.accountId(), b.botId().getOrNull(),
                    b.orderId(), i.correlationId().value(), i.instrument().toString(),
                    i.side().name().toLowerCase(Locale.ROOT), i.quantity().toBigDecimal(),
                    i.referencePrice().toBigDecimal(), i.reduceOnly(),
                    b.refusals().map(RiskRefusal::ruleId).toJavaArray(String[]::new),
                    b.refusals().map(RiskRefusal::reason).toJavaArray(String[]::new),
                    b.occurredAt().atOffset(ZoneOffset.UTC))));
        }
        pool.preparedQuery("INSERT INTO risk.block_events (id, owner_id, account_id, bot_id, order_id, correlation_id, "
                        + "instrument, side, quantity, reference_price, reduce_only, rules, reasons, occurred_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
                        + "ON CONFLICT (id) DO NOTHING")
                .executeBatchAndAwait(rows);
    }

    @Override
    public Page<BlockEvent> list(UserId owner, Filter filter, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = where(owner, filter, args);
        List<BlockEvent> items = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT * FROM risk.block_events WHERE " + where
                + " ORDER BY occurred_at DESC, id OFFSET " + page.offset() + " LIMIT " + page.limit())
                .executeAndAwait(Tuple.tuple(args))) {
            items.add(block(row));
        }
        long total = pool.preparedQuery("SELECT count(*) FROM risk.block_events WHERE " + where)
                .executeAndAwait(Tuple.tuple(args)).iterator().next().getLong(0);
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    @Override
    public Map<String, Long> countByRule(UserId owner, Filter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(owner, filter, args);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Row row : pool.preparedQuery("SELECT rule, count(*) AS n FROM risk.block_events, unnest(rules) AS rule "
                + "WHERE " + where + " GROUP BY rule ORDER BY n DESC, rule").executeAndAwait(Tuple.tuple(args))) {
            counts.put(row.getString("rule"), row.getLong("n"));
        }
        return counts;
    }

    @Override
    public List<BlockEvent> byCorrelation(UserId owner, java.util.UUID correlationId) {
        List<BlockEvent> blocks = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT * FROM risk.block_events WHERE owner_id = $1 AND correlation_id = $2 "
                + "ORDER BY occurred_at, id").executeAndAwait(Tuple.of(owner.value(), correlationId))) {
            blocks.add(block(row));
        }
        return blocks;
    }

    private static String where(UserId owner, Filter filter, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        args.add(owner.value());
        clauses.add("owner_id = $1");
        filter.rule().forEach(rule -> {
            args.add(rule);
            clauses.add("$" + args.size() + " = ANY(rules)");
        });
        filter.botId().forEach(bot -> {
            args.add(bot);
            clauses.add("bot_id = $" + args.size());
        });
        filter.from().forEach(from -> {
            args.add(from.atOffset(ZoneOffset.UTC));
            clauses.add("occurred_at >= $" + args.size());
        });
        filter.to().forEach(to -> {
            args.add(to.atOffset(ZoneOffset.UTC));
            clauses.add("occurred_at < $" + args.size());
        });
        return String.join(" AND ", clauses);
    }

    private static BlockEvent block(Row row) {
        InstrumentId instrument = InstrumentId.parse(row.getString("instrument")).get();
        BigDecimal quantity = row.getBigDecimal("quantity");
        BigDecimal price = row.getBigDecimal("reference_price");
        OrderIntent intent = new OrderIntent(instrument, Side.valueOf(row.getString("side").toUpperCase(Locale.ROOT)),
                new Quantity(quantity.unscaledValue().longValueExact(), quantity.scale()),
                new Price(price.unscaledValue().longValueExact(), price.scale()), row.getBoolean("reduce_only"),
                new CorrelationId(row.getUUID("correlation_id")));
        String[] rules = row.getArrayOfStrings("rules");
        String[] reasons = row.getArrayOfStrings("reasons");
        io.vavr.collection.List<RiskRefusal> refusals = io.vavr.collection.List.empty();
        for (int i = 0; i < rules.length; i++) {
            refusals = refusals.append(new RiskRefusal(rule(rules[i]), reasons[i]));
        }
        return new BlockEvent(row.getUUID("id"), new UserId(row.getUUID("owner_id")), row.getUUID("account_id"),
                Option.of(row.getUUID("bot_id")), row.getUUID("order_id"), intent, refusals,
                row.getOffsetDateTime("occurred_at").toInstant());
    }

    private static RuleId rule(String id) {
        for (RuleId rule : RuleId.values()) {
            if (rule.id().equals(id)) {
                return rule;
            }
        }
        throw new IllegalStateException("unknown stored rule " + id);
    }
}
