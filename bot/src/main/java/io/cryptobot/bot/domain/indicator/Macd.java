package io.cryptobot.bot.domain.indicator;

/**
 * Moving average convergence/divergence: the {@linkplain #macd() MACD line} is
 * {@code EMA(shortPeriod) - EMA(longPeriod)}, the {@linkplain #signal() signal line} an EMA of the MACD line
 * over {@code signalPeriod}, the {@linkplain #histogram() histogram} their difference. {@link #value()} is
 * the MACD line.
 *
 * <p>Follows ta4j 0.22 intentionally ({@code MACDIndicator} with {@code getSignalLine} and
 * {@code getHistogram}): both EMAs seed as {@link ExponentialMovingAverage} describes, so the MACD line
 * exists from value number {@code longPeriod + 1}; the signal line starts as the MACD line itself at value
 * number {@code max(longPeriod, signalPeriod) + 1} (histogram 0 there) and is an ordinary EMA after that.
 * All three outputs are ready together, after {@code max(longPeriod, signalPeriod) + 1} values.
 */
public final class Macd implements ValueIndicator {
    private final int shortPeriod;
    private final int longPeriod;
    private final int signalPeriod;
    private final double signalAlpha;
    private final int signalStart;
    private final ExponentialMovingAverage shortEma;
    private final ExponentialMovingAverage longEma;
    private long updates;
    private double macd;
    private double signal;

    /**
     * @throws IllegalArgumentException unless {@code 1 <= shortPeriod < longPeriod} and {@code signalPeriod >= 1}
     */
    public Macd(int shortPeriod, int longPeriod, int signalPeriod) {
        this.shortPeriod = Checks.atLeast("shortPeriod", shortPeriod, 1);
        if (longPeriod <= shortPeriod) {
            throw new IllegalArgumentException(
                    "longPeriod must be greater than shortPeriod " + shortPeriod + ", was " + longPeriod);
        }
        this.longPeriod = longPeriod;
        this.signalPeriod = Checks.atLeast("signalPeriod", signalPeriod, 1);
        this.signalAlpha = 2.0 / (signalPeriod + 1);
        this.signalStart = Math.max(longPeriod, signalPeriod);
        this.shortEma = new ExponentialMovingAverage(shortPeriod);
        this.longEma = new ExponentialMovingAverage(longPeriod);
    }

    /** The customary MACD(12, 26, 9). */
    public static Macd standard() {
        return new Macd(12, 26, 9);
    }

    @Override
    public void update(double value) {
        Checks.finite("value", value);
        shortEma.update(value);
        longEma.update(value);
        if (longEma.isReady()) {
            macd = shortEma.value() - longEma.value();
            if (updates == signalStart) {
                signal = macd;
            } else if (updates > signalStart) {
                signal = signal + (macd - signal) * signalAlpha;
            }
        }
        updates++;
    }

    @Override
    public boolean isReady() {
        return updates > signalStart;
    }

    @Override
    public int warmUpPeriod() {
        return signalStart + 1;
    }

    /** The MACD line. */
    @Override
    public double value() {
        return macd();
    }

    public double macd() {
        Checks.ready(this, updates);
        return macd;
    }

    public double signal() {
        Checks.ready(this, updates);
        return signal;
    }

    public double histogram() {
        Checks.ready(this, updates);
        return macd - signal;
    }

    @Override
    public String toString() {
        return "MACD(" + shortPeriod + ", " + longPeriod + ", " + signalPeriod + ")";
    }
}
