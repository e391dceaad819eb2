package io.cryptobot.risk.domain;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.Venue;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Test data: BTC/USDT with quantities to 5 decimals, prices and USDT amounts to 2. */
final class Fixtures {
    static final Asset USDT = new Asset("USDT");
    static final InstrumentId BTC_USDT = new InstrumentId(new Venue("SIM"), new Asset("BTC"), USDT);
    static final EventMeta META = new EventMeta(new UUID(0, 1), Instant.parse("2026-01-02T03:04:05Z"));

    private Fixtures() {
    }

    static Quantity qty(String text) {
        return Quantity.parse(text, 5).get();
    }

    static Price px(String text) {
        return Price.parse(text, 2).get();
    }

    static Money usdt(String text) {
        return new Money(io.cryptobot.kernel.domain.FixedPoint.parse(text, 2).get(), 2, USDT);
    }

    static OrderIntent buy(String quantity, String price) {
        return new OrderIntent(BTC_USDT, Side.BUY, qty(quantity), px(price), false, new CorrelationId(new UUID(9, 9)));
    }

    static OrderIntent sell(String quantity, String price) {
        return new OrderIntent(BTC_USDT, Side.SELL, qty(quantity), px(price), false, new CorrelationId(new UUID(9, 9)));
    }

    static OrderIntent reduceOnly(OrderIntent intent) {
        return new OrderIntent(intent.instrument(), intent.side(), intent.quantity(), intent.referencePrice(), true,
                intent.correlationId());
    }

    /** Equity 10,000 USDT, flat, no open orders, a day without P&L that started at 10,000. */
    static AccountSnapshot account() {
        return account("0", 0, "0");
    }

    static AccountSnapshot account(String btcPosition, int openOrders, String dayPnl) {
        Map<InstrumentId, Quantity> positions = btcPosition.equals("0") ? Map.of() : Map.of(BTC_USDT, qty(btcPosition));
        return new AccountSnapshot(usdt("10000"), positions, openOrders, usdt(dayPnl), usdt("10000"));
    }
}
