package io.cryptobot.bot.application.service;

import io.cryptobot.bot.domain.session.ExecutedFill;
import io.cryptobot.bot.domain.session.SessionListener;
import io.cryptobot.order.application.port.in.OrderActivity;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.event.OrderEvent;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Collects what a bot's session did since the last drain, as the order journal records it: each touched order
 * once in its newest state, every event, every fill.
 */
final class StepJournal implements SessionListener {
    private final UUID accountId;
    private final UUID botId;
    private final Map<Integer, OrderActivity.TrackedOrder> orders = new LinkedHashMap<>();
    private final Map<Integer, Instant> placedAt = new LinkedHashMap<>();
    private final List<OrderEvent> events = new ArrayList<>();
    private final List<OrderActivity.TrackedFill> fills = new ArrayList<>();
    private int ignored;

    StepJournal(UUID accountId, UUID botId) {
        this.accountId = accountId;
        this.botId = botId;
    }

    @Override
    public void orderChanged(int index, Order order, String tag, OrderEvent event) {
        Instant placed = placedAt.computeIfAbsent(index, i -> event.occurredAt());
        orders.put(index, new OrderActivity.TrackedOrder(order, accountId, Option.some(botId), tag,
                placed, event.occurredAt()));
        events.add(event);
    }

    @Override
    public void filled(ExecutedFill fill) {
        fills.add(new OrderActivity.TrackedFill(fill.orderId(), accountId, Option.some(botId), fill.instrument(),
                fill.side(), new io.cryptobot.order.domain.Fill(fill.tradeId(), fill.quantity(), fill.price(),
                        fill.fee(), fill.liquidity(), fill.time())));
    }

    @Override
    public void ignored(io.cryptobot.bot.domain.session.IgnoredSignal signal) {
        ignored++;
    }

    int ignoredSinceDrain() {
        return ignored;
    }

    /** What was collected since the last drain; the journal starts empty again. */
    OrderActivity drain() {
        OrderActivity activity = new OrderActivity(List.copyOf(orders.values()), events, fills);
        orders.clear();
        events.clear();
        fills.clear();
        ignored = 0;
        return activity;
    }
}
