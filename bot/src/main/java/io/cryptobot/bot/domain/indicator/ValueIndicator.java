package io.cryptobot.bot.domain.indicator;

/** An indicator of one series of values, usually closing prices. */
public interface ValueIndicator extends Indicator {

    /**
     * Applies the next value of the series.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite: it would poison every later value
     */
    void update(double value);
}
