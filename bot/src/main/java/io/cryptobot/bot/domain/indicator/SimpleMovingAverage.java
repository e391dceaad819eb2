package io.cryptobot.bot.domain.indicator;

/**
 * Simple moving average: the mean of the last {@code period} values, ready after {@code period} values (as
 * ta4j's {@code SMAIndicator} once its unstable bars are past). The window sum is a compensated running sum,
 * so the mean stays within a few ulps of a direct recomputation however long the series runs.
 */
public final class SimpleMovingAverage implements ValueIndicator {
    private final int period;
    private final RollingWindow window;
    private final CompensatedSum sum = new CompensatedSum();
    private long updates;

    /** @throws IllegalArgumentException if {@code period < 1} */
    public SimpleMovingAverage(int period) {
        this.period = Checks.atLeast("period", period, 1);
        this.window = new RollingWindow(period);
    }

    @Override
    public void update(double value) {
        Checks.finite("value", value);
        if (window.isFull()) {
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
        return sum.value() / period;
    }

    @Override
    public String toString() {
        return "SMA(" + period + ")";
    }
}
