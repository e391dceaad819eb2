package io.cryptobot.order.application.port.in;

import io.cryptobot.kernel.domain.Price;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.VenueOrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** An order as the journal holds it now; decimals are exact, prices null where the order has none. */
public record OrderView(UUID id, String clientOrderId, UUID accountId, UUID botId, String instrument, String side,
                        String type, BigDecimal quantity, BigDecimal limitPrice, BigDecimal triggerPrice,
                        String timeInForce, boolean reduceOnly, String status, BigDecimal filledQuantity,
                        BigDecimal averagePrice, String venueOrderId, UUID correlationId, String tag,
                        Instant createdAt, Instant updatedAt) {

    /** The view of an order as a session just recorded it. */
    public static OrderView of(OrderActivity.TrackedOrder tracked) {
        Order o = tracked.order();
        return new OrderView(o.id().value(), o.spec().clientOrderId().value(), tracked.accountId(),
                tracked.botId().getOrNull(), o.spec().instrument().toString(), code(o.spec().side()),
                code(o.spec().type()), o.spec().quantity().toBigDecimal(),
                o.spec().limitPrice().map(Price::toBigDecimal).getOrNull(),
                o.spec().triggerPrice().map(Price::toBigDecimal).getOrNull(), code(o.spec().timeInForce()),
                o.spec().reduceOnly(), code(o.status()), o.filledQuantity().toBigDecimal(),
                o.averageFillPrice().map(BigDecimal::stripTrailingZeros).getOrNull(),
                o.venueOrderId().map(VenueOrderId::value).getOrNull(), o.spec().correlationId().value(), tracked.tag(),
                tracked.placedAt(), tracked.updatedAt());
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
