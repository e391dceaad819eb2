package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;

/** Converts exact prices and quantities to the doubles strategies compute with, without allocating a BigDecimal. */
final class Prices {
    // Powers of ten up to 10^22 are exact doubles, so units / 10^scale is correctly rounded.
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private Prices() {
    }

    static double toDouble(Price price) {
        int scale = price.scale();
        return scale < POWERS_OF_TEN.length
                ? price.units() / POWERS_OF_TEN[scale]
                : price.toBigDecimal().doubleValue();
    }

    static double toDouble(Quantity quantity) {
        int scale = quantity.scale();
        return scale < POWERS_OF_TEN.length
                ? quantity.units() / POWERS_OF_TEN[scale]
                : quantity.toBigDecimal().doubleValue();
    }
}
