package io.cryptobot.kernel.domain;

import io.vavr.control.Either;
import java.math.BigDecimal;

/** An exact quantity of the base asset: {@code units * 10^-scale}, in the instrument's quantity scale. */
public record Quantity(long units, int scale) implements Comparable<Quantity> {
    public Quantity {
        if (scale < 0 || scale > FixedPoint.MAX_SCALE) {
            throw new IllegalArgumentException("scale out of range: " + scale);
        }
    }

    public static Either<String, Quantity> parse(CharSequence text, int scale) {
        return FixedPoint.parse(text, scale).map(units -> new Quantity(units, scale));
    }

    public BigDecimal toBigDecimal() {
        return FixedPoint.toBigDecimal(units, scale);
    }

    public boolean isNegative() {
        return units < 0;
    }

    @Override
    public int compareTo(Quantity other) {
        return scale == other.scale ? Long.compare(units, other.units) : toBigDecimal().compareTo(other.toBigDecimal());
    }

    @Override
    public String toString() {
        return FixedPoint.format(units, scale);
    }
}
