package io.cryptobot.bot.domain.session;

import io.cryptobot.bot.domain.strategy.OrderIntent;
import io.cryptobot.order.domain.Order;
import java.time.Instant;

/**
 * One order of a session, everything the session knows of it in one place: the aggregate in its current state, the
 * market it trades (an index into the session's markets), the strategy's intent (none for an order placed from
 * outside the strategy), its tag, when it was placed, and its place in the session's order list.
 */
final class SessionOrder {
    Order order;
    final int market;
    final OrderIntent intent;
    final String tag;
    final Instant placedAt;
    final int index;

    SessionOrder(Order order, int market, OrderIntent intent, String tag, Instant placedAt, int index) {
        this.order = order;
        this.market = market;
        this.intent = intent;
        this.tag = tag;
        this.placedAt = placedAt;
        this.index = index;
    }

    PlacedOrder placed() {
        return new PlacedOrder(order, tag, placedAt);
    }
}
