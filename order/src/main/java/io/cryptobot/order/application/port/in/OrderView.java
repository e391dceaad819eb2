package io.cryptobot.order.application.port.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order as the journal holds it now; decimals are exact, prices null where the order has none. */
public record OrderView(UUID id, String clientOrderId, UUID accountId, UUID botId, String instrument, String side,
                        String type, BigDecimal quantity, BigDecimal limitPrice, BigDecimal triggerPrice,
                        String timeInForce, boolean reduceOnly, String status, BigDecimal filledQuantity,
                        BigDecimal averagePrice, String venueOrderId, UUID correlationId, String tag,
                        Instant createdAt, Instant updatedAt) {
}
