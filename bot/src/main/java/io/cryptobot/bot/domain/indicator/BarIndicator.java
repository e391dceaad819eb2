package io.cryptobot.bot.domain.indicator;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.FixedPoint;

/** An indicator that needs more of a candle than its close: its range or its volume. */
public interface BarIndicator extends Indicator {

    /**
     * Applies the next closed bar. The caller guarantees OHLC sanity ({@code low <= close <= high}), as a
     * {@link Candle} does; the indicator only refuses values that are NaN or infinite, or a negative volume.
     *
     * @throws IllegalArgumentException if a value is NaN or infinite, or the volume is negative
     */
    void update(double high, double low, double close, double volume);

    /**
     * Applies a closed candle. Each exact decimal becomes the double nearest to it ({@code units / 10^scale}
     * is one correctly rounded division while {@code units} stays below 2^53).
     */
    default void update(Candle candle) {
        update(toDouble(candle.high().units(), candle.high().scale()),
                toDouble(candle.low().units(), candle.low().scale()),
                toDouble(candle.close().units(), candle.close().scale()),
                toDouble(candle.volume().units(), candle.volume().scale()));
    }

    private static double toDouble(long units, int scale) {
        return units / (double) FixedPoint.pow10(scale);
    }
}
