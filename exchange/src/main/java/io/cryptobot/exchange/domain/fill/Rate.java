package io.cryptobot.exchange.domain.fill;

import io.cryptobot.kernel.domain.FixedPoint;
import io.vavr.control.Either;
import java.math.BigDecimal;

/**
 * An exact non-negative fraction, {@code units * 10^-scale}: fee rates ({@code 0.001} = 0.1% = 10 bps) and
 * the share of a candle's volume an order may take. Decimal text or basis points, never a double.
 */
public record Rate(long units, int scale) {
    public Rate {
        if (scale < 0 || scale > FixedPoint.MAX_SCALE) {
            throw new IllegalArgumentException("scale out of range: " + scale);
        }
        if (units < 0) {
            throw new IllegalArgumentException("a rate is not negative");
        }
    }

    public static Rate basisPoints(long bps) {
        return new Rate(bps, 4);
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(units, scale);
    }

    public static Rate zero() {
        return new Rate(0, 0);
    }

    /** Parses a decimal fraction such as {@code 0.00075}; up to {@link FixedPoint#MAX_SCALE} decimals. */
    public static Either<String, Rate> parse(String text) {
        return FixedPoint.parse(text, FixedPoint.MAX_SCALE)
                .flatMap(units -> units < 0 ? Either.left("a rate is not negative") : Either.right(units))
                .map(units -> new Rate(units, FixedPoint.MAX_SCALE));
    }

    @Override
    public String toString() {
        return FixedPoint.format(units, scale);
    }
}
