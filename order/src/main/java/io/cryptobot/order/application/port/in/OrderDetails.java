package io.cryptobot.order.application.port.in;

import java.time.Instant;
import java.util.List;

/** An order with every event it went through (oldest first) and its fills. */
public record OrderDetails(OrderView order, List<Event> events, List<FillView> fills) {
    public OrderDetails {
        events = List.copyOf(events);
        fills = List.copyOf(fills);
    }

    public record Event(String id, String type, String detail, Instant occurredAt) {
    }
}
