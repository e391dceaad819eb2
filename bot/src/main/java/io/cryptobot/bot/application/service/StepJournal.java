package io.cryptobot.bot.application.service;

import io.cryptobot.bot.domain.session.ExecutedFill;
import io.cryptobot.bot.domain.session.SessionListener;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.OrderActivity;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.risk.domain.BlockEvent;
import io.cryptobot.risk.domain.OrderIntent;
import io.cryptobot.risk.domain.PreTradeRefusal;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderId;
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
    private final UserId owner;
    private final UUID accountId;
    private final UUID botId;
    private final List<BlockEvent> blocks = new ArrayList<>();
    private final List<TradingStateChanged> halts = new ArrayList<>();
    private Instant lastEventTime = Instant.EPOCH;
    private boolean selfInflicted;
    private final Map<Integer, OrderActivity.TrackedOrder> orders = new LinkedHashMap<>();
    private final List<OrderActivity.TrackedEvent> events = new ArrayList<>();
    private final List<OrderActivity.TrackedFill> fills = new ArrayList<>();

    StepJournal(UserId owner, UUID accountId, UUID botId) {
        this.owner = owner;
        this.accountId = accountId;
        this.botId = botId;
    }

    @Override
    public void orderChanged(int index, Order order, String tag, Instant placedAt, OrderEvent event) {
        orders.put(index, new OrderActivity.TrackedOrder(order, accountId, Option.some(botId), tag, placedAt,
                event.occurredAt()));
        events.add(OrderActivity.TrackedEvent.of(event, order, accountId, Option.some(botId)));
        lastEventTime = event.occurredAt();
    }

    @Override
    public void filled(ExecutedFill fill) {
        fills.add(tracked(fill));
    }

    /** A fill of the session as the order journal records it. */
    OrderActivity.TrackedFill tracked(ExecutedFill fill) {
        return new OrderActivity.TrackedFill(fill.orderId(), accountId, Option.some(botId), fill.instrument(),
                fill.side(), new io.cryptobot.order.domain.Fill(fill.tradeId(), fill.quantity(), fill.price(),
                        fill.fee(), fill.liquidity(), fill.time()));
    }

    /** An order of the session in its current state, as the order journal records it. */
    OrderActivity.TrackedOrder tracked(io.cryptobot.bot.domain.session.PlacedOrder placed) {
        return new OrderActivity.TrackedOrder(placed.order(), accountId, Option.some(botId), placed.tag(),
                placed.placedAt(), placed.placedAt());
    }

    @Override
    public void blocked(Order order, OrderIntent intent, PreTradeRefusal refusal) {
        blocks.add(BlockEvent.of(owner, accountId, Option.some(botId), order.id().value(), intent, refusal,
                lastEventTime));
    }

    @Override
    public void tradingStateChanged(TradingStateChanged change) {
        if (change instanceof TradingStateChanged.TradingHalted && !selfInflicted) {
            halts.add(change);
        }
    }

    /** Trading-state changes the runner applies itself (the owner's kill switch) are not the session's own. */
    void applyingOwnersKillSwitch(boolean applying) {
        this.selfInflicted = applying;
    }

    /**
     * One drain: the order journal's activity, the block events, and the halts the session decided itself (a
     * breached daily loss).
     */
    record Step(OrderActivity activity, List<BlockEvent> blocks, List<TradingStateChanged> halts) {
        boolean isEmpty() {
            return activity.isEmpty() && blocks.isEmpty();
        }

        /** The order as this step recorded it (its newest state here). */
        OrderView recorded(OrderId id) {
            return activity.orders().stream().filter(o -> o.order().id().equals(id)).reduce((a, b) -> b)
                    .map(OrderView::of)
                    .orElseThrow(() -> new IllegalStateException("order " + id.value() + " was not recorded"));
        }

        /** Several drains recorded together, in order. */
        static Step concat(List<Step> steps) {
            if (steps.size() == 1) {
                return steps.get(0);
            }
            return new Step(OrderActivity.concat(steps.stream().map(Step::activity).toList()),
                    steps.stream().flatMap(s -> s.blocks().stream()).toList(),
                    steps.stream().flatMap(s -> s.halts().stream()).toList());
        }
    }

    /** A drain that found nothing: most live steps decide nothing, and need no lists of their own. */
    private static final Step NOTHING = new Step(new OrderActivity(List.of(), List.of(), List.of()), List.of(),
            List.of());

    /** What was collected since the last drain; the journal starts empty again. */
    Step drain() {
        if (orders.isEmpty() && events.isEmpty() && fills.isEmpty() && blocks.isEmpty() && halts.isEmpty()) {
            return NOTHING;
        }
        Step step = new Step(new OrderActivity(List.copyOf(orders.values()), events, fills), List.copyOf(blocks),
                List.copyOf(halts));
        halts.clear();
        orders.clear();
        events.clear();
        fills.clear();
        blocks.clear();
        return step;
    }
}
