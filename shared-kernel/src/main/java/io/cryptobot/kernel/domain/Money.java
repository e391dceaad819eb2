package io.cryptobot.kernel.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount of one asset: {@code units * 10^-scale}. Sums of amounts of different scales are taken at the
 * larger scale (scaling up never loses a digit); sums of different assets, or results that overflow a
 * {@code long}, are refused (a bug, hence an exception). This is the one rule for exact sums everywhere.
 */
public record Money(long units, int scale, Asset asset) {
    public Money {
        Objects.requireNonNull(asset, "asset");
        if (scale < 0 || scale > FixedPoint.MAX_SCALE) {
            throw new IllegalArgumentException("scale out of range: " + scale);
        }
    }

    /** An exact decimal amount at its shortest scale ({@code 10.50} becomes 10.5); it must fit a long. */
    public static Money of(BigDecimal value, Asset asset) {
        BigDecimal plain = value.stripTrailingZeros();
        int scale = Math.max(plain.scale(), 0);
        return new Money(plain.setScale(scale).unscaledValue().longValueExact(), scale, asset);
    }

    public static Money zero(Asset asset, int scale) {
        return new Money(0, scale, asset);
    }

    public Money plus(Money other) {
        requireSameAsset(other);
        int common = Math.max(scale, other.scale);
        return new Money(Math.addExact(unitsAt(common), other.unitsAt(common)), common, asset);
    }

    public Money minus(Money other) {
        requireSameAsset(other);
        int common = Math.max(scale, other.scale);
        return new Money(Math.subtractExact(unitsAt(common), other.unitsAt(common)), common, asset);
    }

    /** This amount at a scale at least its own, exactly. */
    public Money atScale(int target) {
        return target == scale ? this : new Money(unitsAt(target), target, asset);
    }

    private long unitsAt(int target) {
        if (target < scale) {
            throw new IllegalArgumentException("rescaling " + this + " down to " + target + " would round");
        }
        return Math.multiplyExact(units, FixedPoint.pow10(target - scale));
    }

    public boolean isNegative() {
        return units < 0;
    }

    public BigDecimal toBigDecimal() {
        return FixedPoint.toBigDecimal(units, scale);
    }

    private void requireSameAsset(Money other) {
        if (!asset.equals(other.asset)) {
            throw new IllegalArgumentException("cannot combine " + this + " and " + other);
        }
    }

    @Override
    public String toString() {
        return FixedPoint.format(units, scale) + " " + asset;
    }
}
