package io.cryptobot.bot.domain.indicator;

/**
 * Average true range: Wilder's smoothing ({@link ExponentialMovingAverage#wilder}) of the true range,
 * {@code max(high - low, |high - previousClose|, |previousClose - low|)}, where the first bar's true range
 * is its {@code high - low}.
 *
 * <p>Follows ta4j 0.22's {@code ATRIndicator} over {@code TRIndicator} intentionally, seeding included: the
 * average starts as the true range of bar number {@code period + 1} rather than Wilder's mean of the first
 * {@code period} true ranges, so early values differ from TA-Lib's by an amount that shrinks by a factor
 * {@code 1 - 1/period} per bar. Ready after {@code period + 1} bars.
 */
public final class AverageTrueRange implements BarIndicator {
    private final int period;
    private final ExponentialMovingAverage average;
    private long updates;
    private double previousClose;

    /** @throws IllegalArgumentException if {@code period < 1} */
    public AverageTrueRange(int period) {
        this.period = Checks.atLeast("period", period, 1);
        this.average = ExponentialMovingAverage.wilder(period);
    }

    @Override
    public void update(double high, double low, double close, double volume) {
        Checks.finite("high", high);
        Checks.finite("low", low);
        Checks.finite("close", close);
        double range = Math.abs(high - low);
        if (updates > 0) {
            range = Math.max(range, Math.max(Math.abs(high - previousClose), Math.abs(previousClose - low)));
        }
        average.update(range);
        previousClose = close;
        updates++;
    }

    @Override
    public boolean isReady() {
        return average.isReady();
    }

    @Override
    public int warmUpPeriod() {
        return average.warmUpPeriod();
    }

    @Override
    public double value() {
        Checks.ready(this, updates);
        return average.value();
    }

    @Override
    public String toString() {
        return "ATR(" + period + ")";
    }
}
