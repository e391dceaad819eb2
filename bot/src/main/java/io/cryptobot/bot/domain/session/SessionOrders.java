package io.cryptobot.bot.domain.session;

import io.cryptobot.bot.domain.strategy.OrderIntent;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderError;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.event.OrderEvent;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session's orders (NautilusTrader's cache): every order placed, in placing order, by client order id (unique
 * in a session, so a repeated placement finds its order), the open ones (submitted and not yet ended, oldest first)
 * and every order event in the order it happened. Each move of an order goes through here, so the event list and
 * the listener see every one of them.
 */
final class SessionOrders {
    private final SessionListener listener;
    private final List<SessionOrder> orders = new ArrayList<>();
    private final Map<String, SessionOrder> byClientOrderId = new HashMap<>();
    private final Map<OrderId, SessionOrder> open = new LinkedHashMap<>();
    private final List<OrderEvent> events = new ArrayList<>();

    SessionOrders(SessionListener listener) {
        this.listener = listener;
    }

    /** Records a new order (not open yet: risk sees it first). */
    SessionOrder add(Order.Transition created, int market, OrderIntent intent, String tag,
                     Instant placedAt) {
        SessionOrder order = new SessionOrder(created.order(), market, intent, tag, placedAt, orders.size());
        orders.add(order);
        byClientOrderId.put(created.order().spec().clientOrderId().value(), order);
        record(order, created.event());
        return order;
    }

    /** Moves {@code order}; a move the order refuses is a bug of the session or the venue. */
    void transition(SessionOrder order, Either<OrderError, Order.Transition> transition) {
        if (transition.isLeft()) {
            throw new IllegalStateException("order " + order.order.id() + ": " + transition.getLeft());
        }
        order.order = transition.get().order();
        record(order, transition.get().event());
    }

    /** The order placed under {@code clientOrderId}, or null. */
    SessionOrder byClientOrderId(String clientOrderId) {
        return byClientOrderId.get(clientOrderId);
    }

    void opened(SessionOrder order) {
        open.put(order.order.id(), order);
    }

    void ended(SessionOrder order) {
        open.remove(order.order.id());
    }

    /** The open order {@code id}, or null. */
    SessionOrder open(OrderId id) {
        return open.get(id);
    }

    boolean isOpen(SessionOrder order) {
        return open.containsKey(order.order.id());
    }

    int openCount() {
        return open.size();
    }

    Collection<SessionOrder> openOrders() {
        return open.values();
    }

    List<PlacedOrder> placed() {
        List<PlacedOrder> placed = new ArrayList<>(orders.size());
        for (SessionOrder order : orders) {
            placed.add(order.placed());
        }
        return placed;
    }

    List<OrderEvent> events() {
        return Collections.unmodifiableList(events);
    }

    private void record(SessionOrder order, OrderEvent event) {
        events.add(event);
        listener.orderChanged(order.index, order.order, order.tag, order.placedAt, event);
    }
}
