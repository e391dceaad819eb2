package io.cryptobot.archfixture.backtest.domain.engine;

import io.cryptobot.archfixture.order.application.OrderService;
import io.cryptobot.archfixture.order.domain.Order;

/**
 * The backtest engine may run an upstream context's domain ({@link Order}: allowed) but not call its application
 * services ({@link OrderService}: a violation of domain purity).
 */
public class Engine {
    public String run(Order order, OrderService service) {
        return order.id() + service;
    }
}
