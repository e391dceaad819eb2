package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.Quantity;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much an {@link OrderIntent} asks for. The strategy states its intention; the runner turns it into a
 * quantity from the account, the price and the instrument's lot rules, so the strategy needs neither.
 */
public sealed interface Sizing {

    /** Buy with all free quote funds. */
    Sizing ALL_IN = new AllIn();

    /** Sell (or buy back) the whole current position of the instrument. */
    Sizing CLOSE_POSITION = new ClosePosition();

    record AllIn() implements Sizing {
    }

    record ClosePosition() implements Sizing {
    }

    /** A share of the account's equity, in {@code (0, 1]}. */
    record FractionOfEquity(BigDecimal fraction) implements Sizing {
        public FractionOfEquity {
            Objects.requireNonNull(fraction, "fraction");
            if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
            }
        }
    }

    /**
     * Spend this much of the quote asset (e.g. 100 USDT), positive: the runner turns it into a base quantity at
     * the reference price, rounding down to the instrument's quantity step.
     */
    record QuoteAmount(BigDecimal amount) implements Sizing {
        public QuoteAmount {
            Objects.requireNonNull(amount, "amount");
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("amount must be positive, got " + amount);
            }
        }
    }

    /** An exact quantity of the base asset, positive. */
    record FixedQuantity(Quantity quantity) implements Sizing {
        public FixedQuantity {
            Objects.requireNonNull(quantity, "quantity");
            if (quantity.units() <= 0) {
                throw new IllegalArgumentException("quantity must be positive, got " + quantity);
            }
        }
    }
}
