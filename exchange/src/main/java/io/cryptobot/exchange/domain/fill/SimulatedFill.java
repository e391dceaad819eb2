package io.cryptobot.exchange.domain.fill;

import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import java.util.Objects;

/**
 * One simulated execution: {@code quantity} at {@code price} with its {@code fee}. Quantity and price lie on the
 * instrument's step and tick; the fee is never negative (rebates are not modelled).
 */
public record SimulatedFill(Quantity quantity, Price price, Money fee, LiquiditySide liquidity) {
    public SimulatedFill {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(liquidity, "liquidity");
        if (quantity.units() <= 0 || price.units() <= 0) {
            throw new IllegalArgumentException("a fill has a positive quantity and price");
        }
        if (fee.isNegative()) {
            throw new IllegalArgumentException("a fee is not negative");
        }
    }
}
