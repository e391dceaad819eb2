package io.cryptobot.bot.domain.indicator;

/**
 * Stochastic oscillator: {@linkplain #k() %K} {@code = 100 * (close - lowestLow) / (highestHigh - lowestLow)}
 * over the last {@code kPeriod} bars, and {@linkplain #d() %D}, the SMA of %K over {@code dPeriod}.
 * {@link #value()} is %K. Ready, with both lines, after {@code kPeriod + dPeriod - 1} bars.
 *
 * <p>Follows ta4j 0.22's {@code StochasticOscillatorKIndicator} and {@code StochasticOscillatorDIndicator}
 * (whose %D is an SMA of %K over 3 bars, our {@link #StochasticOscillator(int)}), with one intentional
 * difference: when every bar of the window has the same price the range is zero and ta4j answers NaN; here
 * %K is 50, the middle of the range, so a flat market neither triggers nor poisons a rule.
 */
public final class StochasticOscillator implements BarIndicator {
    private final int kPeriod;
    private final int dPeriod;
    private final MonotonicWindow highs;
    private final MonotonicWindow lows;
    private final SimpleMovingAverage d;
    private long updates;
    private double k;

    /** %K over {@code kPeriod} bars and %D over 3, the customary slow line. */
    public StochasticOscillator(int kPeriod) {
        this(kPeriod, 3);
    }

    /** @throws IllegalArgumentException if {@code kPeriod < 1} or {@code dPeriod < 1} */
    public StochasticOscillator(int kPeriod, int dPeriod) {
        this.kPeriod = Checks.atLeast("kPeriod", kPeriod, 1);
        this.dPeriod = Checks.atLeast("dPeriod", dPeriod, 1);
        this.highs = MonotonicWindow.highest(kPeriod);
        this.lows = MonotonicWindow.lowest(kPeriod);
        this.d = new SimpleMovingAverage(dPeriod);
    }

    @Override
    public void update(double high, double low, double close, double volume) {
        Checks.finite("high", high);
        Checks.finite("low", low);
        Checks.finite("close", close);
        highs.push(high);
        lows.push(low);
        updates++;
        if (updates >= kPeriod) {
            double lowest = lows.extreme();
            double range = highs.extreme() - lowest;
            k = range == 0 ? 50 : (close - lowest) / range * 100;
            d.update(k);
        }
    }

    @Override
    public boolean isReady() {
        return d.isReady();
    }

    @Override
    public int warmUpPeriod() {
        return kPeriod + dPeriod - 1;
    }

    /** %K. */
    @Override
    public double value() {
        return k();
    }

    public double k() {
        Checks.ready(this, updates);
        return k;
    }

    public double d() {
        Checks.ready(this, updates);
        return d.value();
    }

    @Override
    public String toString() {
        return "Stochastic(" + kPeriod + ", " + dPeriod + ")";
    }
}
