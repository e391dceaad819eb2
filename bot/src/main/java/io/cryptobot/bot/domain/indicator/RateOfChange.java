package io.cryptobot.bot.domain.indicator;

/**
 * Rate of change in percent: {@code 100 * (value - valueBefore) / valueBefore}, where {@code valueBefore}
 * came {@code period} values earlier. Ready after {@code period + 1} values. Same definition as ta4j 0.22's
 * {@code ROCIndicator}. The series must not pass through zero (prices never do); a zero {@code valueBefore}
 * gives an infinite or NaN rate.
 */
public final class RateOfChange implements ValueIndicator {
    private final int period;
    private final RollingWindow window;
    private long updates;
    private double rate;

    /** @throws IllegalArgumentException if {@code period < 1} */
    public RateOfChange(int period) {
        this.period = Checks.atLeast("period", period, 1);
        this.window = new RollingWindow(period + 1);
    }

    @Override
    public void update(double value) {
        Checks.finite("value", value);
        window.push(value);
        updates++;
        if (window.isFull()) {
            double before = window.oldest();
            rate = (value - before) / before * 100;
        }
    }

    @Override
    public boolean isReady() {
        return window.isFull();
    }

    @Override
    public int warmUpPeriod() {
        return period + 1;
    }

    @Override
    public double value() {
        Checks.ready(this, updates);
        return rate;
    }

    @Override
    public String toString() {
        return "ROC(" + period + ")";
    }
}
