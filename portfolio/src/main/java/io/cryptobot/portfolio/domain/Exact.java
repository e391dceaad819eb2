package io.cryptobot.portfolio.domain;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;

/**
 * Exact fixed-point arithmetic for the ledger (money sums are the kernel's {@link Money#plus}). Sums of different
 * scales are taken at the larger scale (the
 * smaller one is scaled up, which never loses a digit); products carry the sum of the scales. Nothing is
 * ever rounded: a result that does not fit a {@code long} or {@link FixedPoint#MAX_SCALE} is an
 * {@link ArithmeticException}, a bug in the instrument's scales rather than a business outcome.
 */
final class Exact {
    private Exact() {
    }

    static Quantity rescale(Quantity quantity, int scale) {
        if (scale == quantity.scale()) {
            return quantity;
        }
        if (scale < quantity.scale()) {
            throw new IllegalArgumentException("rescaling " + quantity + " down to " + scale + " would round");
        }
        return new Quantity(Math.multiplyExact(quantity.units(), FixedPoint.pow10(scale - quantity.scale())), scale);
    }

    static Quantity plus(Quantity a, Quantity b) {
        int scale = Math.max(a.scale(), b.scale());
        return new Quantity(Math.addExact(rescale(a, scale).units(), rescale(b, scale).units()), scale);
    }

    static Quantity minus(Quantity a, Quantity b) {
        int scale = Math.max(a.scale(), b.scale());
        return new Quantity(Math.subtractExact(rescale(a, scale).units(), rescale(b, scale).units()), scale);
    }

    static Quantity min(Quantity a, Quantity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * {@code quantity * price} in {@code asset}, at scale {@code quantityScale + priceScale}. Where that sum
     * exceeds {@link FixedPoint#MAX_SCALE}, trailing zeros are dropped; a product that still needs more
     * decimals cannot be held exactly and is refused as a bug.
     */
    static Money times(Quantity quantity, Price price, Asset asset) {
        return product(quantity.units(), quantity.scale(), price.units(), price.scale(), asset);
    }

    /** A fee paid in the base asset, valued in the quote at the fill's price. */
    static Money times(Money baseAmount, Price price, Asset quote) {
        return product(baseAmount.units(), baseAmount.scale(), price.units(), price.scale(), quote);
    }

    /**
     * {@code amount + quantity * price}, the mark-to-market step: plain {@code long} arithmetic and one
     * allocation when the scales allow, the general (still exact) path otherwise.
     */
    static Money plusProduct(Money amount, Quantity quantity, Price price) {
        int productScale = quantity.scale() + price.scale();
        if (productScale > FixedPoint.MAX_SCALE) {
            return amount.plus(times(quantity, price, amount.asset()));
        }
        long product = Math.multiplyExact(quantity.units(), price.units());
        int scale = Math.max(amount.scale(), productScale);
        long units = Math.addExact(
                Math.multiplyExact(amount.units(), FixedPoint.pow10(scale - amount.scale())),
                Math.multiplyExact(product, FixedPoint.pow10(scale - productScale)));
        return new Money(units, scale, amount.asset());
    }

    private static Money product(long a, int aScale, long b, int bScale, Asset asset) {
        long units = Math.multiplyExact(a, b);
        int scale = aScale + bScale;
        while (scale > FixedPoint.MAX_SCALE && units % 10 == 0) {
            units /= 10;
            scale--;
        }
        if (scale > FixedPoint.MAX_SCALE) {
            throw new ArithmeticException("product needs more than " + FixedPoint.MAX_SCALE + " decimals");
        }
        return new Money(units, scale, asset);
    }

    /**
     * {@code amount * part / whole}, rounded down, at the amount's scale: one pro-rata share. Quantities of
     * different scales are compared at the larger one.
     */
    static Money share(Money amount, Quantity part, Quantity whole) {
        int scale = Math.max(part.scale(), whole.scale());
        long p = rescale(part, scale).units();
        long w = rescale(whole, scale).units();
        if (p == w) {
            return amount;
        }
        long units = java.math.BigInteger.valueOf(amount.units()).multiply(java.math.BigInteger.valueOf(p))
                .divide(java.math.BigInteger.valueOf(w)).longValueExact();
        return new Money(units, amount.scale(), amount.asset());
    }
}
