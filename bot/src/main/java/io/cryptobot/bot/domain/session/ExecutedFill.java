package io.cryptobot.bot.domain.session;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.TradeId;
import java.time.Instant;

/** One simulated execution, as booked on the order and in the ledger. */
public record ExecutedFill(OrderId orderId, TradeId tradeId, InstrumentId instrument, Side side, Quantity quantity,
                           Price price, Money fee, LiquiditySide liquidity, Instant time, String tag) {
}
