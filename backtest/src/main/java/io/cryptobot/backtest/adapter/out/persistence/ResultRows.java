package io.cryptobot.backtest.adapter.out.persistence;

import io.cryptobot.backtest.domain.BacktestResult;
import io.cryptobot.bot.domain.session.ExecutedFill;
import io.cryptobot.bot.domain.session.PlacedOrder;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.event.OrderEvent;
import io.cryptobot.order.domain.event.OrderEvents;
import io.cryptobot.portfolio.domain.ClosedTrade;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A run's trades, orders (with their events) and fills as table rows, numbered in the engine's order. */
record ResultRows(List<List<Object>> trades, List<List<Object>> orders, List<List<Object>> fills) {

    static ResultRows of(UUID run, BacktestResult result) {
        List<List<Object>> trades = new ArrayList<>(result.outcome().trades().size());
        int seq = 0;
        for (ClosedTrade t : result.outcome().trades()) {
            trades.add((Arrays.asList(run, ++seq, t.instrument().toString(), t.entryTime().toEpochMilli(),
                    t.exitTime().toEpochMilli(), t.quantity().toBigDecimal(), t.entryPrice().toBigDecimal(),
                    t.exitPrice().toBigDecimal(), t.realizedPnl().toBigDecimal(), t.fees().toBigDecimal(),
                    t.netPnl().toBigDecimal())));
        }
        Map<OrderId, JsonArray> events = new HashMap<>();
        for (OrderEvent event : result.outcome().orderEvents()) {
            events.computeIfAbsent(event.orderId(), id -> new JsonArray()).add(new JsonObject()
                    .put("type", OrderEvents.type(event))
                    .put("time", event.meta().occurredAt().toEpochMilli())
                    .put("detail", OrderEvents.detail(event)));
        }
        List<List<Object>> orders = new ArrayList<>(result.outcome().orders().size());
        seq = 0;
        for (PlacedOrder placed : result.outcome().orders()) {
            Order o = placed.order();
            orders.add((Arrays.asList(run, ++seq, o.id().value(), o.spec().clientOrderId().value(),
                    o.spec().instrument().toString(), o.spec().side().name().toLowerCase(Locale.ROOT),
                    o.spec().type().name().toLowerCase(Locale.ROOT), o.spec().quantity().toBigDecimal(),
                    o.spec().limitPrice().map(p -> p.toBigDecimal()).getOrNull(),
                    o.status().name().toLowerCase(Locale.ROOT), o.filledQuantity().toBigDecimal(),
                    o.averageFillPrice().map(BigDecimal::stripTrailingZeros).getOrNull(),
                    placed.placedAt().toEpochMilli(), placed.tag(), events.getOrDefault(o.id(), new JsonArray()))));
        }
        List<List<Object>> fills = new ArrayList<>(result.outcome().fills().size());
        seq = 0;
        for (ExecutedFill f : result.outcome().fills()) {
            fills.add((Arrays.asList(run, ++seq, f.orderId().value(), f.tradeId().value(),
                    f.instrument().toString(), f.side().name().toLowerCase(Locale.ROOT), f.quantity().toBigDecimal(),
                    f.price().toBigDecimal(), f.fee().toBigDecimal(), f.fee().asset().toString(),
                    f.liquidity().name().toLowerCase(Locale.ROOT), f.time().toEpochMilli(), f.tag())));
        }
        return new ResultRows(trades, orders, fills);
    }
}
