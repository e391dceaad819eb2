package io.cryptobot.kernel.domain;

import io.vavr.control.Either;
import java.math.BigDecimal;

/** An exact price: {@code units * 10^-scale}. Values of one instrument share the instrument's price scale. */
public record Price(long units, int scale) implements Comparable<Price> {
    public Price {
        if (scale < 0 || scale > FixedPoint.MAX_SCALE) {
            throw new IllegalArgumentException("scale out of range: " + scale);
        }
    }

    public static Either<String, Price> parse(CharSequence text, int scale) {
        return FixedPoint.parse(text, scale).map(units -> new Price(units, scale));
    }

    public BigDecimal toBigDecimal() {
        return FixedPoint.toBigDecimal(units, scale);
    }

    public boolean isNegative() {
        return units < 0;
    }

    @Override
    public int compareTo(Price other) {
        return scale == other.scale ? Long.compare(units, other.units) : toBigDecimal().compareTo(other.toBigDecimal());
    }

    @Override
    public String toString() {
        return FixedPoint.format(units, scale);
    }
}
