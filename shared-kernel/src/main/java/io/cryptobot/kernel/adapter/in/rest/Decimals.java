package io.cryptobot.kernel.adapter.in.rest;

import java.math.BigDecimal;

/**
 * The one JSON format of non-integer numbers: a string in plain notation ({@code "0.00012"}, never {@code 1.2E-4}),
 * so no client reads an amount into a binary double. Exact amounts keep every digit they have; analytics computed
 * in {@code double} (metrics, curves, progress) are written as the shortest decimal that reads back as the same
 * double, and as {@code null} where undefined (NaN, infinite).
 */
public final class Decimals {
    private Decimals() {
    }

    /** An exact amount without trailing zeros; null stays null. */
    public static String exact(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** A double as the shortest plain decimal that parses back to it; null if it is NaN or infinite. */
    public static String approx(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : null;
    }
}
