package io.cryptobot.archfixture.bot.domain.session;

import io.cryptobot.archfixture.marketdata.domain.CandleSeries;
import io.cryptobot.archfixture.order.domain.Order;

/**
 * The session may run order's domain ({@link Order}: allowed) but is granted no marketdata domain
 * ({@link CandleSeries}: a violation of domain purity, the series is the engine's to read).
 */
public class Session {
    public String trade(Order order, CandleSeries candles) {
        return order.id() + candles.size();
    }
}
