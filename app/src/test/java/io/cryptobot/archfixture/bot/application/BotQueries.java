package io.cryptobot.archfixture.bot.application;

import io.cryptobot.archfixture.order.domain.Order;

/** Outside the session's packages: reaching into order's domain breaks "other contexts only through ports in". */
public class BotQueries {
    public String orderOf(Order order) {
        return order.id();
    }
}
