package io.cryptobot.bot.domain.session;

import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.event.OrderEvent;
import io.cryptobot.risk.domain.OrderIntent;
import io.cryptobot.risk.domain.PreTradeRefusal;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import java.time.Instant;

/**
 * Learns of what a session does as it happens, on the session's thread, so a paper bot can persist and push it
 * step by step (a backtest only reads the session's lists at the end). {@code order} is the order's state after
 * {@code event}; {@code index} is its place in the session's order list, {@code placedAt} when it was placed.
 */
public interface SessionListener {
    SessionListener NONE = new SessionListener() {
    };

    default void orderChanged(int index, Order order, String tag, Instant placedAt, OrderEvent event) {
    }

    default void filled(ExecutedFill fill) {
    }

    default void ignored(IgnoredSignal signal) {
    }

    /** The pre-trade check refused {@code order} (now denied); {@code intent} is what risk was shown. */
    default void blocked(Order order, OrderIntent intent, PreTradeRefusal refusal) {
    }

    default void tradingStateChanged(TradingStateChanged change) {
    }
}
