package io.cryptobot.archfixture.bot.domain.strategy;

import io.cryptobot.archfixture.order.domain.Order;

/** A strategy is no session: it may not hold an upstream context's order (a violation of domain purity). */
public class Greedy {
    public String next(Order order) {
        return order.id();
    }
}
