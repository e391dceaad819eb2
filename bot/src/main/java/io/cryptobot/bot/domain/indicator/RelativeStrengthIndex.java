package io.cryptobot.bot.domain.indicator;

/**
 * Relative strength index, {@code 100 - 100 / (1 + averageGain / averageLoss)}, in [0, 100]. Gains and losses
 * are the rises and falls from one value to the next (zero for the first value) and are averaged with
 * Wilder's smoothing ({@link ExponentialMovingAverage#wilder}).
 *
 * <p>Follows ta4j 0.22's {@code RSIIndicator} intentionally, seeding included: the averages start from the
 * single gain and loss of value number {@code period + 1}, not from the mean of the first {@code period}
 * changes as in Wilder's book and TA-Lib; early values therefore differ from those tools by an amount that
 * shrinks by a factor {@code 1 - 1/period} per value. Ready after {@code period + 1} values. When there was
 * no loss the RSI is 100, or 0 when there was no gain either (a flat series).
 */
public final class RelativeStrengthIndex implements ValueIndicator {
    private final int period;
    private final ExponentialMovingAverage averageGain;
    private final ExponentialMovingAverage averageLoss;
    private long updates;
    private double previous;

    /** @throws IllegalArgumentException if {@code period < 1} */
    public RelativeStrengthIndex(int period) {
        this.period = Checks.atLeast("period", period, 1);
        this.averageGain = ExponentialMovingAverage.wilder(period);
        this.averageLoss = ExponentialMovingAverage.wilder(period);
    }

    @Override
    public void update(double value) {
        Checks.finite("value", value);
        double change = updates == 0 ? 0 : value - previous;
        averageGain.update(change > 0 ? change : 0);
        averageLoss.update(change < 0 ? -change : 0);
        previous = value;
        updates++;
    }

    @Override
    public boolean isReady() {
        return averageGain.isReady();
    }

    @Override
    public int warmUpPeriod() {
        return averageGain.warmUpPeriod();
    }

    @Override
    public double value() {
        Checks.ready(this, updates);
        double gain = averageGain.value();
        double loss = averageLoss.value();
        if (loss == 0) {
            return gain == 0 ? 0 : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    @Override
    public String toString() {
        return "RSI(" + period + ")";
    }
}
