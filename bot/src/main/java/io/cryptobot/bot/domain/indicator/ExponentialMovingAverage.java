package io.cryptobot.bot.domain.indicator;

/**
 * Exponential moving average {@code ema += alpha * (value - ema)}, with {@code alpha = 2 / (period + 1)}, or
 * {@code alpha = 1 / period} for Wilder's smoothing ({@link #wilder}; also called RMA, SMMA or MMA).
 *
 * <p>Seeding intentionally follows ta4j 0.22 ({@code AbstractEMAIndicator}): the first {@code period} values
 * only count towards the warm-up and are otherwise ignored; value number {@code period + 1} becomes the
 * first average, unchanged, and the recursion runs from there. The indicator is therefore ready after
 * {@code period + 1} values. TA-Lib and most charting tools seed with the SMA of the first {@code period}
 * values instead and are ready one value earlier; the two agree up to a difference that shrinks by a factor
 * {@code 1 - alpha} per value.
 */
public final class ExponentialMovingAverage implements ValueIndicator {
    private final int period;
    private final double alpha;
    private final String name;
    private long updates;
    private double average;

    /** @throws IllegalArgumentException if {@code period < 1} */
    public ExponentialMovingAverage(int period) {
        this(period, 2.0 / (Checks.atLeast("period", period, 1) + 1), "EMA");
    }

    private ExponentialMovingAverage(int period, double alpha, String name) {
        this.period = period;
        this.alpha = alpha;
        this.name = name;
    }

    /**
     * Wilder's smoothing ({@code alpha = 1 / period}), as RSI and ATR use it and as ta4j's
     * {@code MMAIndicator} computes and seeds it.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static ExponentialMovingAverage wilder(int period) {
        return new ExponentialMovingAverage(Checks.atLeast("period", period, 1),
                1.0 / period, "Wilder");
    }

    @Override
    public void update(double value) {
        Checks.finite("value", value);
        if (updates == period) {
            average = value;
        } else if (updates > period) {
            average = average + (value - average) * alpha;
        }
        updates++;
    }

    @Override
    public boolean isReady() {
        return updates > period;
    }

    @Override
    public int warmUpPeriod() {
        return period + 1;
    }

    @Override
    public double value() {
        Checks.ready(this, updates);
        return average;
    }

    @Override
    public String toString() {
        return name + "(" + period + ")";
    }
}
