package io.cryptobot.risk.domain;

import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What risk needs to know about an order before it leaves the platform; the order context translates its own
 * order into this view. {@code referencePrice} values the order: the limit price of a limit order, otherwise
 * the last price. It is in the instrument's quote asset, which must be the account currency.
 */
public record OrderIntent(InstrumentId instrument, Side side, Quantity quantity, Price referencePrice,
        boolean reduceOnly, CorrelationId correlationId) {
    public OrderIntent {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(correlationId, "correlationId");
        if (quantity.units() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (referencePrice.units() <= 0) {
            throw new IllegalArgumentException("reference price must be positive: " + referencePrice);
        }
    }

    /** Quantity times reference price, exact, in the quote asset. */
    BigDecimal notional() {
        return quantity.toBigDecimal().multiply(referencePrice.toBigDecimal());
    }

    /** The change this order makes to the position if it fills completely: positive for a buy. */
    BigDecimal signedQuantity() {
        return side == Side.BUY ? quantity.toBigDecimal() : quantity.toBigDecimal().negate();
    }
}
