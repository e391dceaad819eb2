package io.cryptobot.order.application.port.in;

/**
 * A new order as asked for over the API, unchecked text: the paper account, an optional client order id (the
 * idempotency key; one is made up when absent), the instrument ({@code VENUE:BASE/QUOTE}), side, type, quantity,
 * limit and trigger prices where the type takes them, time in force (default GTC), reduce-only, and the
 * correlation id the caller wants the order traced under (one is made up when absent).
 */
public record PlaceOrderCommand(String accountId, String clientOrderId, String instrument, String side, String type,
                                String quantity, String limitPrice, String triggerPrice, String timeInForce,
                                Boolean reduceOnly, String correlationId) {
}
