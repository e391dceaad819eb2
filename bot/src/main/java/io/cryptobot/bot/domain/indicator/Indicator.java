package io.cryptobot.bot.domain.indicator;

/**
 * An indicator fed one closed candle (or one value) at a time. Each update costs O(1) time (amortised O(1)
 * for window highs and lows), keeps O(window) memory and allocates nothing, so a backtest can drive
 * millions of updates a second through the same instances a live bot uses.
 *
 * <p>Lifecycle: an indicator starts not ready; after {@link #warmUpPeriod()} updates it is ready and stays
 * ready. Reading a value before then is a bug in the caller and throws {@link IllegalStateException};
 * strategies ask {@link #isReady()} first. Parameters are checked when the indicator is built: an invalid
 * one throws {@link IllegalArgumentException} naming the parameter, the rule and the value.
 *
 * <p>Instances are mutable and not thread-safe: one instance belongs to one series and one thread.
 */
public interface Indicator {

    /** True once {@link #warmUpPeriod()} updates have been applied. */
    boolean isReady();

    /** How many updates it takes before the indicator is ready. */
    int warmUpPeriod();

    /**
     * The headline value (the line a strategy compares or crosses). Multi-output indicators name it in
     * their javadoc and expose every output through named accessors as well.
     *
     * @throws IllegalStateException before the indicator is ready
     */
    double value();
}
