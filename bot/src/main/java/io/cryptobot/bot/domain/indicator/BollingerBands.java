package io.cryptobot.bot.domain.indicator;

/**
 * Bollinger Bands: the {@linkplain #middle() middle band} is the SMA of the last {@code period} values, the
 * {@linkplain #upper() upper} and {@linkplain #lower() lower} bands lie {@code k} standard deviations above
 * and below it. {@link #value()} is the middle band. Ready after {@code period} values.
 *
 * <p>As in ta4j 0.22 ({@code BollingerBandsMiddle/Upper/LowerIndicator} over {@code SMAIndicator} and
 * {@code StandardDeviationIndicator}), the standard deviation is the population one (divided by
 * {@code period}, not {@code period - 1}), as John Bollinger defines it.
 *
 * <p>Numerics: the sum of squared deviations is kept with the sliding-window form of Welford's update,
 * {@code m2 += (in - out) * ((in - newMean) + (out - oldMean))}, whose terms are the size of price moves,
 * not of squared prices; the textbook {@code sum(x^2)/n - mean^2} would cancel catastrophically at price
 * levels like 40,000. The mean comes from a compensated window sum; each update of {@code m2} is computed
 * from that mean, the deviations and the move carried to about twice double precision, and the updates are
 * summed with compensation. So the bands do not drift over long series, and a window that turns flat after
 * wild moves reads a deviation of (almost exactly) zero.
 */
public final class BollingerBands implements ValueIndicator {
    private final int period;
    private final double k;
    private final RollingWindow window;
    private final CompensatedSum sum = new CompensatedSum();
    private final CompensatedSum squaredDeviations = new CompensatedSum();
    private long updates;

    /**
     * @param k how many standard deviations the outer bands lie from the middle one (customarily 2)
     * @throws IllegalArgumentException if {@code period < 1} or {@code k} is negative or not finite
     */
    public BollingerBands(int period, double k) {
        this.period = Checks.atLeast("period", period, 1);
        this.k = Checks.notNegative("k", k);
        this.window = new RollingWindow(period);
    }

    @Override
    public void update(double value) {
        Checks.finite("value", value);
        int count = (int) Math.min(updates, period);
        double oldMean = count == 0 ? 0 : sum.value() / count;
        double oldMeanRemainder = count == 0 ? 0 : sum.quotientRemainder(oldMean, count);
        double out = window.isFull() ? window.oldest() : 0;
        if (window.isFull()) {
            sum.add(-out);
        } else {
            count++;
        }
        sum.add(value);
        double newMean = sum.value() / count;
        double newMeanRemainder = sum.quotientRemainder(newMean, count);
        // Every quantity below is carried as a pair (rounded value, what the rounding missed), so each
        // increment of m2 is exact to about twice double precision. One rounding per update would leave an
        // error of 1e-16 of the increment in m2 for good: after a move from 240,000 to a flat 40,000 the
        // deviation would read 4e-4 instead of 0. Near 40,000 a mean rounded to 7e-12 times a move of 30
        // would also add 2e-10 of error per update.
        double newDeviation = value - newMean;
        double newDeviationLow = sumError(value, -newMean, newDeviation) - newMeanRemainder;
        if (window.isFull()) {
            // The sliding form of Welford's step: (value - out) * ((value - newMean) + (out - oldMean)).
            double outDeviation = out - oldMean;
            double outDeviationLow = sumError(out, -oldMean, outDeviation) - oldMeanRemainder;
            double move = value - out;
            double moveLow = sumError(value, -out, move);
            double deviations = newDeviation + outDeviation;
            double deviationsLow = sumError(newDeviation, outDeviation, deviations) + newDeviationLow + outDeviationLow;
            addProduct(move, moveLow, deviations, deviationsLow);
        } else {
            // Welford's step while the window fills: (value - oldMean) * (value - newMean).
            double oldDeviation = value - oldMean;
            double oldDeviationLow = sumError(value, -oldMean, oldDeviation) - oldMeanRemainder;
            addProduct(oldDeviation, oldDeviationLow, newDeviation, newDeviationLow);
        }
        window.push(value);
        updates++;
    }

    private void addProduct(double a, double aLow, double b, double bLow) {
        double product = a * b;
        squaredDeviations.add(product);
        squaredDeviations.add(Math.fma(a, b, -product) + (a * bLow + aLow * b));
    }

    /** The exact rounding error of {@code sum = a + b} (Knuth's TwoSum). */
    private static double sumError(double a, double b, double sum) {
        double bPart = sum - a;
        return (a - (sum - bPart)) + (b - bPart);
    }

    @Override
    public boolean isReady() {
        return updates >= period;
    }

    @Override
    public int warmUpPeriod() {
        return period;
    }

    /** The middle band. */
    @Override
    public double value() {
        return middle();
    }

    public double middle() {
        Checks.ready(this, updates);
        return sum.value() / period;
    }

    public double upper() {
        return middle() + standardDeviation() * k;
    }

    public double lower() {
        return middle() - standardDeviation() * k;
    }

    /** The population standard deviation of the window. */
    public double standardDeviation() {
        Checks.ready(this, updates);
        // Rounding can leave a flat window's sum of squares a hair below zero; its true value is 0.
        return Math.sqrt(Math.max(0, squaredDeviations.value()) / period);
    }

    @Override
    public String toString() {
        return "Bollinger(" + period + ", " + k + ")";
    }
}
