package io.cryptobot.bot.domain.strategy;

/**
 * Detects strict crosses of a difference series (e.g. {@code close - upper band} or {@code macd - signal}),
 * fed once per candle on which the difference exists. The side of the series is the sign of its latest non-zero
 * difference: a zero difference carries that side forward and is never a cross itself. A cross up is a change
 * of side from negative to positive, a cross down the reverse. Before the first non-zero difference there is no
 * side, so that difference only sets it: a series {@code +, 0, +} does not cross, {@code -, 0, +} crosses up on
 * its third value, and {@code 0, +} (as MACD's first ready candle, whose signal line starts equal to the MACD
 * line, always reads 0) does not cross. Allocation-free; one instance per difference series.
 *
 * <p>This is stricter than {@link MovingAverageCrossover}, which counts {@code +, 0, +} and {@code 0, +} as
 * crosses up.
 */
final class Cross {
    static final int UP = 1;
    static final int NONE = 0;
    static final int DOWN = -1;

    private int side;

    /** Takes the next difference and tells whether the series crossed: {@link #UP}, {@link #DOWN} or {@link #NONE}. */
    int update(double difference) {
        int sign = difference > 0 ? 1 : difference < 0 ? -1 : 0;
        if (sign == 0) {
            return NONE;
        }
        int crossed = side != 0 && side != sign ? sign : NONE;
        side = sign;
        return crossed;
    }
}
