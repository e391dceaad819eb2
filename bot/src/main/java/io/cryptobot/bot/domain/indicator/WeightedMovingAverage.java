package io.cryptobot.bot.domain.indicator;

/**
 * Linearly weighted moving average: over the last {@code period} values, the newest weighs {@code period},
 * the oldest 1, divided by {@code period * (period + 1) / 2}; ready after {@code period} values (as ta4j's
 * {@code WMAIndicator}).
 *
 * <p>O(1) update: when the window slides, every kept value loses one unit of weight, which removes exactly
 * the plain window sum from the weighted sum, and the new value enters with full weight:
 * {@code weighted += period * value - sum; sum += value - oldest}. Both sums are compensated, and the
 * rounding error of {@code period * value} is added back (it is exact through {@link Math#fma}), so the
 * average does not drift over long series.
 */
public final class WeightedMovingAverage implements ValueIndicator {
    private final int period;
    private final double divisor;
    private final RollingWindow window;
    private final CompensatedSum sum = new CompensatedSum();
    private final CompensatedSum weighted = new CompensatedSum();
    private long updates;

    /** @throws IllegalArgumentException if {@code period < 1} */
    public WeightedMovingAverage(int period) {
        this.period = Checks.atLeast("period", period, 1);
        this.divisor = period * (period + 1.0) / 2.0;
        this.window = new RollingWindow(period);
    }

    @Override
    public void update(double value) {
        Checks.finite("value", value);
        // Before the window is full the new value's weight is its position in the window; after, it is period.
        double weight = window.isFull() ? period : updates + 1;
        double product = weight * value;
        weighted.add(product);
        weighted.add(Math.fma(weight, value, -product));
        if (window.isFull()) {
            weighted.subtract(sum);
            sum.add(-window.oldest());
        }
        window.push(value);
        sum.add(value);
        updates++;
    }

    @Override
    public boolean isReady() {
        return updates >= period;
    }

    @Override
    public int warmUpPeriod() {
        return period;
    }

    @Override
    public double value() {
        Checks.ready(this, updates);
        return weighted.value() / divisor;
    }

    @Override
    public String toString() {
        return "WMA(" + period + ")";
    }
}
