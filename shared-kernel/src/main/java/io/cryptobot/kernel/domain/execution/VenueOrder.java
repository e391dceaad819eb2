package io.cryptobot.kernel.domain.execution;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * An order as it is sent to a venue, named by the platform's client order id (Binance {@code newClientOrderId}):
 * every report about it comes back under that id. Coherent like the order it stands for: a limit price exactly when
 * the type has one, a trigger price exactly when it is conditional, a positive quantity.
 */
public record VenueOrder(String clientOrderId, InstrumentId instrument, Side side, OrderType type, Quantity quantity,
                         Option<Price> limitPrice, Option<Price> triggerPrice, TimeInForce timeInForce,
                         boolean reduceOnly) {
    public VenueOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(triggerPrice, "triggerPrice");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (quantity.units() <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (type.hasLimitPrice() != limitPrice.isDefined() || type.isConditional() != triggerPrice.isDefined()) {
            throw new IllegalArgumentException(type + " with limit " + limitPrice + " and trigger " + triggerPrice);
        }
    }
}
