package io.cryptobot.bot.domain.session;

import io.cryptobot.order.domain.Order;
import java.time.Instant;

/** An order of a run in its final state, with the strategy's tag and when the signal placed it. */
public record PlacedOrder(Order order, String tag, Instant placedAt) {
}
