package io.cryptobot.bot.domain.indicator;

/**
 * A running sum with Neumaier's compensation. A sliding window adds every value once and subtracts it once;
 * a plain {@code double} sum would keep the rounding error of each of those operations forever, so over
 * a long series the error grows with the number of updates instead of staying at the size of one rounding
 * of the current total. The compensation term collects those errors exactly enough that
 * {@link #value()} stays within a few ulps of the true sum of the current window, however long the series.
 */
final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(double value) {
        double total = sum + value;
        if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - total) + value;
        } else {
            compensation += (value - total) + sum;
        }
        sum = total;
    }

    /** Subtracts both parts of another sum, so its compensation is not lost to a rounding of its value. */
    void subtract(CompensatedSum other) {
        add(-other.sum);
        add(-other.compensation);
    }

    /**
     * What {@code quotient}, a rounded {@code value() / divisor}, misses of the exact quotient: the pair
     * {@code quotient + remainder} carries the quotient to about twice double precision. {@code fma} gives
     * the exact rounding error of {@code quotient * divisor}, and {@code sum - product} is exact because
     * the two are within a factor of two of each other (Sterbenz).
     */
    double quotientRemainder(double quotient, double divisor) {
        double product = quotient * divisor;
        double productError = Math.fma(quotient, divisor, -product);
        return (((sum - product) - productError) + compensation) / divisor;
    }

    double value() {
        return sum + compensation;
    }
}
