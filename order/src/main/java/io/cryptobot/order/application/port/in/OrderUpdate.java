package io.cryptobot.order.application.port.in;

/** What a client watching its orders is pushed: an order's new state, or a fill. */
public sealed interface OrderUpdate {
    record OrderChanged(OrderView order) implements OrderUpdate {
    }

    record Filled(FillView fill) implements OrderUpdate {
    }
}
