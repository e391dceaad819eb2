package io.cryptobot.bot.domain.indicator;

/**
 * Donchian channel: the {@linkplain #upper() upper} line is the highest high of the last {@code period}
 * bars, the {@linkplain #lower() lower} line the lowest low, the {@linkplain #middle() middle} line their
 * mean. {@link #value()} is the middle line. Ready after {@code period} bars; same definitions as ta4j
 * 0.22's {@code DonchianChannelUpper/Lower/MiddleIndicator}. Window extremes are kept in monotonic deques:
 * amortised O(1) per bar.
 */
public final class DonchianChannel implements BarIndicator {
    private final int period;
    private final MonotonicWindow highs;
    private final MonotonicWindow lows;
    private long updates;

    /** @throws IllegalArgumentException if {@code period < 1} */
    public DonchianChannel(int period) {
        this.period = Checks.atLeast("period", period, 1);
        this.highs = MonotonicWindow.highest(period);
        this.lows = MonotonicWindow.lowest(period);
    }

    @Override
    public void update(double high, double low, double close, double volume) {
        Checks.finite("high", high);
        Checks.finite("low", low);
        highs.push(high);
        lows.push(low);
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

    /** The middle line. */
    @Override
    public double value() {
        return middle();
    }

    public double upper() {
        Checks.ready(this, updates);
        return highs.extreme();
    }

    public double lower() {
        Checks.ready(this, updates);
        return lows.extreme();
    }

    public double middle() {
        return (lower() + upper()) / 2;
    }

    @Override
    public String toString() {
        return "Donchian(" + period + ")";
    }
}
