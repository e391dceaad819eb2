package io.cryptobot.kernel.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount of one asset: {@code units * 10^-scale}. Sums of amounts of different assets or scales are
 * refused (a bug, hence an exception): convert first.
 */
public record Money(long units, int scale, Asset asset) {
    public Money {
        Objects.requireNonNull(asset, "asset");
        if (scale < 0 || scale > FixedPoint.MAX_SCALE) {
            throw new IllegalArgumentException("scale out of range: " + scale);
        }
    }

    public static Money zero(Asset asset, int scale) {
        return new Money(0, scale, asset);
    }

    public Money plus(Money other) {
        requireSameKind(other);
        return new Money(Math.addExact(units, other.units), scale, asset);
    }

    public Money minus(Money other) {
        requireSameKind(other);
        return new Money(Math.subtractExact(units, other.units), scale, asset);
    }

    public boolean isNegative() {
        return units < 0;
    }

    public BigDecimal toBigDecimal() {
        return FixedPoint.toBigDecimal(units, scale);
    }

    private void requireSameKind(Money other) {
        if (!asset.equals(other.asset) || scale != other.scale) {
            throw new IllegalArgumentException("cannot combine " + this + " and " + other);
        }
    }

    @Override
    public String toString() {
        return FixedPoint.format(units, scale) + " " + asset;
    }
}
