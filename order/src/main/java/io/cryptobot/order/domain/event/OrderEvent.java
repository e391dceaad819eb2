package io.cryptobot.order.domain.event;

import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.DomainEvent;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.order.domain.Fill;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.VenueOrderId;
import java.time.Instant;
import java.util.UUID;

/** Everything that happens to an order, in the past tense; the full list of them is the order's history. */
public sealed interface OrderEvent extends DomainEvent {
    EventMeta meta();

    OrderId orderId();

    CorrelationId correlationId();

    @Override
    default UUID eventId() {
        return meta().eventId();
    }

    @Override
    default Instant occurredAt() {
        return meta().occurredAt();
    }

    record OrderInitialized(EventMeta meta, OrderId orderId, CorrelationId correlationId) implements OrderEvent {
    }

    /** Refused before it left the platform (pre-trade risk check). */
    record OrderDenied(EventMeta meta, OrderId orderId, CorrelationId correlationId, String reason)
            implements OrderEvent {
    }

    record OrderSubmitted(EventMeta meta, OrderId orderId, CorrelationId correlationId) implements OrderEvent {
    }

    record OrderAccepted(EventMeta meta, OrderId orderId, CorrelationId correlationId, VenueOrderId venueOrderId)
            implements OrderEvent {
    }

    /** Refused by the venue. */
    record OrderRejected(EventMeta meta, OrderId orderId, CorrelationId correlationId, String reason)
            implements OrderEvent {
    }

    record OrderTriggered(EventMeta meta, OrderId orderId, CorrelationId correlationId) implements OrderEvent {
    }

    record OrderPendingCancel(EventMeta meta, OrderId orderId, CorrelationId correlationId) implements OrderEvent {
    }

    record OrderCanceled(EventMeta meta, OrderId orderId, CorrelationId correlationId) implements OrderEvent {
    }

    record OrderExpired(EventMeta meta, OrderId orderId, CorrelationId correlationId) implements OrderEvent {
    }

    record OrderFilled(EventMeta meta, OrderId orderId, CorrelationId correlationId, Fill fill)
            implements OrderEvent {
    }
}
