package io.cryptobot.order.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import java.time.Instant;
import java.util.UUID;

/** A stored fill, exact as it was booked: enough to rebuild a ledger from the journal alone. */
public record FillView(UUID orderId, String tradeId, UUID accountId, UUID botId, InstrumentId instrument, Side side,
                       Quantity quantity, Price price, Money fee, LiquiditySide liquidity, Instant executedAt) {

    public static FillView of(OrderActivity.TrackedFill f) {
        return new FillView(f.orderId().value(), f.fill().tradeId().value(), f.accountId(), f.botId().getOrNull(),
                f.instrument(), f.side(), f.fill().lastQty(), f.fill().lastPx(), f.fill().commission(),
                f.fill().liquiditySide(), f.fill().executedAt());
    }
}
