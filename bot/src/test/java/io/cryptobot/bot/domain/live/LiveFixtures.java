package io.cryptobot.bot.domain.live;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.execution.VenueExecution;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueOrderState;
import io.cryptobot.kernel.domain.execution.VenueOrderState.Status;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.kernel.domain.execution.VenueUpdate;
import io.vavr.control.Option;

/** Orders, states and executions of one BTC/USDT limit buy of 1.000 at 100.00, in venue terms. */
public final class LiveFixtures {
    public static final InstrumentId BTC = InstrumentId.parse("BINANCE:BTC/USDT").get();
    public static final InstrumentId ETH = InstrumentId.parse("BINANCE:ETH/USDT").get();
    public static final Asset USDT = new Asset("USDT");

    private LiveFixtures() {
    }

    public static Quantity qty(String text) {
        return Quantity.parse(text, 3).get();
    }

    public static VenueOrder limitBuy(String clientOrderId, InstrumentId instrument, String quantity) {
        return new VenueOrder(clientOrderId, instrument, Side.BUY, OrderType.LIMIT, qty(quantity),
                Option.some(Price.parse("100.00", 2).get()), Option.none(), TimeInForce.GTC, false);
    }

    public static VenueOrder limitBuy(String clientOrderId) {
        return limitBuy(clientOrderId, BTC, "1.000");
    }

    public static VenueOrderState state(VenueOrder order, String executed, Status status, long time) {
        return new VenueOrderState(order.clientOrderId(), "v-" + order.clientOrderId(), order.instrument(),
                order.side(), order.type(), order.quantity(), qty(executed), order.limitPrice(), status, time);
    }

    public static VenueReport.Filled filled(VenueOrder order, String tradeId, String quantity, long time) {
        return new VenueReport.Filled(order.clientOrderId(), tradeId, qty(quantity), Price.parse("100.00", 2).get(),
                new Money(10, 2, USDT), LiquiditySide.MAKER, time);
    }

    public static VenueUpdate fillUpdate(VenueOrder order, String tradeId, String quantity, String executedAfter,
                                         long time) {
        Status status = qty(executedAfter).compareTo(order.quantity()) >= 0 ? Status.FILLED : Status.PARTIALLY_FILLED;
        return new VenueUpdate(filled(order, tradeId, quantity, time), state(order, executedAfter, status, time));
    }

    public static VenueExecution execution(VenueOrder order, String tradeId, String quantity, long time) {
        return new VenueExecution(order.clientOrderId(), "v-" + order.clientOrderId(), order.instrument(),
                order.side(), tradeId, qty(quantity), Price.parse("100.00", 2).get(), new Money(10, 2, USDT),
                LiquiditySide.MAKER, time);
    }
}
