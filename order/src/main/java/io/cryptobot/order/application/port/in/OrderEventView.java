package io.cryptobot.order.application.port.in;

import java.time.Instant;
import java.util.UUID;

/**
 * One event of an order, with what ties it to the rest: its order, correlation id, account, bot, instrument and
 * side (all stored with the event itself).
 */
public record OrderEventView(UUID id, UUID orderId, UUID correlationId, UUID accountId, UUID botId, String instrument,
                             String side, String type, String detail, Instant occurredAt) {
}
