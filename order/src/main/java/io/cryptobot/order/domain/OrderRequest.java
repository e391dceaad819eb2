package io.cryptobot.order.domain;

import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * An order as a client asks for it (over the API), at the instrument's exact scales, before any venue or risk
 * check gives it an id: what a session places when it is not its strategy's. Combinations are checked by
 * {@link OrderSpec#checked} when it is placed.
 */
public record OrderRequest(ClientOrderId clientOrderId, InstrumentId instrument, Side side, OrderType type,
                           Quantity quantity, Option<Price> limitPrice, Option<Price> triggerPrice,
                           TimeInForce timeInForce, boolean reduceOnly, CorrelationId correlationId) {
    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(triggerPrice, "triggerPrice");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
