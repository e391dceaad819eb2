package io.cryptobot.archfixture.marketdata.domain;

import io.cryptobot.archfixture.order.domain.Order;

/** Violates the context map: marketdata is upstream of order, and this closes a cycle with OrderService. */
public record KnowsOrders(Order order) {
}
