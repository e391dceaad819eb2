package io.cryptobot.bot.domain.indicator;

/**
 * Volume-weighted average price over the last {@code period} bars:
 * {@code sum(typicalPrice * volume) / sum(volume)}, with {@code typicalPrice = (high + low + close) / 3}.
 * Ready after {@code period} bars. Same definition as ta4j 0.22's {@code VWAPIndicator}, except for a
 * window in which nothing traded: ta4j divides by zero (NaN); here the VWAP falls back to the plain mean
 * typical price of the window, the limit the VWAP tends to as volumes become equal.
 *
 * <p>Both sums are compensated, and whether the window holds any volume is decided by counting the bars
 * with volume, never by comparing a rounded sum with zero.
 */
public final class RollingVwap implements BarIndicator {
    private final int period;
    private final RollingWindow prices;
    private final RollingWindow volumes;
    private final CompensatedSum priceSum = new CompensatedSum();
    private final CompensatedSum weightedSum = new CompensatedSum();
    private final CompensatedSum volumeSum = new CompensatedSum();
    private long updates;
    private int barsWithVolume;

    /** @throws IllegalArgumentException if {@code period < 1} */
    public RollingVwap(int period) {
        this.period = Checks.atLeast("period", period, 1);
        this.prices = new RollingWindow(period);
        this.volumes = new RollingWindow(period);
    }

    @Override
    public void update(double high, double low, double close, double volume) {
        Checks.finite("high", high);
        Checks.finite("low", low);
        Checks.finite("close", close);
        Checks.notNegative("volume", volume);
        double typical = (high + low + close) / 3;
        if (prices.isFull()) {
            double outPrice = prices.oldest();
            double outVolume = volumes.oldest();
            priceSum.add(-outPrice);
            weightedSum.add(-(outPrice * outVolume));
            volumeSum.add(-outVolume);
            if (outVolume > 0) {
                barsWithVolume--;
            }
        }
        prices.push(typical);
        volumes.push(volume);
        priceSum.add(typical);
        weightedSum.add(typical * volume);
        volumeSum.add(volume);
        if (volume > 0) {
            barsWithVolume++;
        }
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
        return barsWithVolume == 0 ? priceSum.value() / period : weightedSum.value() / volumeSum.value();
    }

    @Override
    public String toString() {
        return "VWAP(" + period + ")";
    }
}
