package io.cryptobot.order.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.order.domain.Fill;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.event.OrderEvent;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What happened to an account's orders in one step, recorded together: each touched order in its newest state,
 * the events in the order they happened (each saying whose order it is), the fills. Recording is idempotent (orders by id, events by event id,
 * fills by order and trade id), so a step recorded twice, as a rebuilt session does after a restart, changes
 * nothing.
 */
public record OrderActivity(List<TrackedOrder> orders, List<TrackedEvent> events, List<TrackedFill> fills) {
    public OrderActivity {
        orders = List.copyOf(orders);
        events = List.copyOf(events);
        fills = List.copyOf(fills);
    }

    /**
     * Activities recorded together, as one: each order once in its newest state (at the place it first appeared),
     * the events and fills in the order given.
     */
    public static OrderActivity concat(List<OrderActivity> activities) {
        if (activities.size() == 1) {
            return activities.get(0);
        }
        java.util.Map<OrderId, TrackedOrder> orders = new java.util.LinkedHashMap<>();
        List<TrackedEvent> events = new java.util.ArrayList<>();
        List<TrackedFill> fills = new java.util.ArrayList<>();
        for (OrderActivity activity : activities) {
            activity.orders().forEach(o -> orders.put(o.order().id(), o));
            events.addAll(activity.events());
            fills.addAll(activity.fills());
        }
        return new OrderActivity(List.copyOf(orders.values()), events, fills);
    }

    public boolean isEmpty() {
        return orders.isEmpty() && events.isEmpty() && fills.isEmpty();
    }

    /** An order with where it belongs: the account it trades on, the bot that placed it (if any), its tag. */
    public record TrackedOrder(Order order, UUID accountId, Option<UUID> botId, String tag, Instant placedAt,
                               Instant updatedAt) {
        public TrackedOrder {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(placedAt, "placedAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }
    }

    /** One fill of an order already in the journal (or in the same activity). */
    public record TrackedFill(OrderId orderId, UUID accountId, Option<UUID> botId, InstrumentId instrument, Side side,
                              Fill fill) {
        public TrackedFill {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(fill, "fill");
        }
    }

    /**
     * An event of an order with what it belongs to: the account, the bot (if any), the instrument and side of the
     * order. Whoever reads it (the journal, a watcher, the audit) needs no look-up of the order to place it.
     */
    public record TrackedEvent(OrderEvent event, UUID accountId, Option<UUID> botId, InstrumentId instrument,
                               Side side) {
        public TrackedEvent {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(side, "side");
        }

        /** The event of {@code order} (its state after the event), on the account and of the bot given. */
        public static TrackedEvent of(OrderEvent event, Order order, UUID accountId, Option<UUID> botId) {
            return new TrackedEvent(event, accountId, botId, order.spec().instrument(), order.spec().side());
        }
    }
}
