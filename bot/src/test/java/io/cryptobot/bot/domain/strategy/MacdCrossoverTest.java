package io.cryptobot.bot.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-calculated with fast 1, slow 2, signal 2 on closes 10, 10, 10, 13, 10, 13, 14, 12. EMAs seed as ta4j does:
 * EMA1 is the close from candle 2; EMA2 starts at close 3 and then moves 2/3 of the way to each close; the MACD
 * line is EMA1 - EMA2; the signal line starts at candle 3 as the MACD line and then moves 2/3 of the way to it.
 * <pre>
 * candle  close  EMA1  EMA2     MACD     signal   histogram
 *   3      10    10    10        0        0        0        ready; zero: no side yet
 *   4      13    13    12       +1       +0.667   +0.333    first side (+): no cross
 *   5      10    10    10.667   -0.667   -0.222   -0.444    cross down, but flat: nothing
 *   6      13    13    12.222   +0.778   +0.444   +0.333    cross up, flat: buy
 *   7      14    14    13.407   +0.593   +0.543   +0.049
 *   8      12    12    12.469   -0.469   -0.132   -0.337    cross down, long: sell
 * </pre>
 */
class MacdCrossoverTest {
    private static final double[] CLOSES = {10, 10, 10, 13, 10, 13, 14, 12};
    private final StrategyDefinition definition = StrategyCatalog.find("macd").get();

    private Strategy macd(int fast, int slow, int signal) {
        return definition.newStrategy(definition.validate(Map.of("fast", String.valueOf(fast),
                "slow", String.valueOf(slow), "signal", String.valueOf(signal))).get());
    }

    @Test
    void buysAllInWhenTheMacdLineCrossesAboveTheSignalLineAndSellsAllWhenItCrossesBelow() {
        Strategy strategy = macd(1, 2, 2);

        RecordingContext context = RecordingContext.run(strategy, CLOSES);

        assertThat(strategy.warmUpCandles()).isEqualTo(3);
        assertThat(context.summary()).containsExactly("BUY@6", "SELL@8");
        assertThat(context.emitted.get(0).intent().sizing()).isEqualTo(Sizing.ALL_IN);
        assertThat(context.emitted.get(0).intent().tag()).isEqualTo("macd_cross_up");
        assertThat(context.emitted.get(1).intent().side()).isEqualTo(Side.SELL);
        assertThat(context.emitted.get(1).intent().sizing()).isEqualTo(Sizing.CLOSE_POSITION);
        assertThat(context.emitted.get(1).intent().tag()).isEqualTo("macd_cross_down");
    }

    @Test
    void theSeedingZeroOfTheFirstReadyCandleIsNotASideToCrossFrom() {
        // Candle 4's histogram is the first non-zero one: under a "0 to + is a cross" rule it would buy.
        assertThat(RecordingContext.run(macd(1, 2, 2), 10, 10, 10, 13).emitted).isEmpty();
    }

    @Test
    void staysSilentDuringWarmUpHoweverThePricesMove() {
        assertThat(RecordingContext.run(macd(1, 2, 2), 10, 20).emitted).isEmpty();
    }

    @Test
    void defaultsAreTwelveTwentySixAndNine() {
        Parameters defaults = definition.defaults();

        assertThat(defaults.integer("fast")).isEqualTo(12);
        assertThat(defaults.integer("slow")).isEqualTo(26);
        assertThat(defaults.integer("signal")).isEqualTo(9);
        assertThat(definition.newStrategy(defaults).warmUpCandles()).isEqualTo(27);
    }

    @Test
    void valuesOutOfRangeAndAFastPeriodNotBelowTheSlowOneAreRefused() {
        assertThat(definition.validate(Map.of("signal", "0")).getError())
                .containsExactly(new Violation("signal", "0 is below the minimum 1"));
        assertThat(definition.validate(Map.of("fast", "26")).getError())
                .containsExactly(new Violation("fast", "must be below slow (26), got 26"));
    }
}
