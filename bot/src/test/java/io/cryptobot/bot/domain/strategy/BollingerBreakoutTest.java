package io.cryptobot.bot.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-calculated with period 3, k 1 on closes 10, 12, 11, 14, 13, 15, 12, 9, 9, 12. Middle = mean of the last
 * three closes, sd = population standard deviation, upper = middle + sd.
 * <pre>
 * candle  close  middle   sd      upper    close-upper  close-middle
 *   3      11    11       0.816   11.816     -0.816       0         ready: upper side (-) set; middle: no side
 *   4      14    12.333   1.247   13.581     +0.419      +1.667     upper cross up, flat: buy; middle side (+) set
 *   5      13    12.667   0.471   13.139     -0.139      +0.333
 *   6      15    14       0.816   14.816     +0.184      +1         cross up again, but long: nothing
 *   7      12    13.333   1.247   14.581     -2.581      -1.333     middle + to -: cross down, long: sell
 *   8       9    12       2.449   14.449     -5.449      -3
 *   9       9    10       1.414   11.414     -2.414      -1
 *  10      12    10       1.414   11.414     +0.586      +2         cross up, flat: buy
 * </pre>
 */
class BollingerBreakoutTest {
    private static final double[] CLOSES = {10, 12, 11, 14, 13, 15, 12, 9, 9, 12};
    private final StrategyDefinition definition = StrategyCatalog.find("bollinger_breakout").get();

    private Strategy bollinger(int period, String k) {
        return definition.newStrategy(definition.validate(
                Map.of("period", String.valueOf(period), "k", k)).get());
    }

    @Test
    void buysAllInWhenTheCloseCrossesAboveTheUpperBandAndSellsAllWhenItCrossesBelowTheMiddle() {
        RecordingContext context = RecordingContext.run(bollinger(3, "1"), CLOSES);

        assertThat(context.summary()).containsExactly("BUY@4", "SELL@7", "BUY@10");
        OrderIntent buy = context.emitted.get(0).intent();
        assertThat(buy.type()).isEqualTo(OrderType.MARKET);
        assertThat(buy.sizing()).isEqualTo(Sizing.ALL_IN);
        assertThat(buy.tag()).isEqualTo("bollinger_breakout");
        OrderIntent sell = context.emitted.get(1).intent();
        assertThat(sell.side()).isEqualTo(Side.SELL);
        assertThat(sell.sizing()).isEqualTo(Sizing.CLOSE_POSITION);
        assertThat(sell.tag()).isEqualTo("bollinger_below_middle");
    }

    @Test
    void staysSilentWhileTheBandsWarmUpAndOnTheFirstReadyCandle() {
        Strategy strategy = bollinger(3, "1");

        // Candle 3 (10, 10, 20): middle 13.333, sd 4.714, upper 18.047: the close is above, but nothing to cross from.
        assertThat(RecordingContext.run(strategy, 10, 10, 20).emitted).isEmpty();
        assertThat(strategy.warmUpCandles()).isEqualTo(3);
    }

    @Test
    void sellsOnlyWhenLongAndBuysOnlyWhenFlat() {
        // The buy of candle 4 never fills: the cross below the middle on 7 finds it flat, the cross up on 6 buys.
        RecordingContext context = new RecordingContext();
        context.fillImmediately = false;

        context.feed(bollinger(3, "1"), CLOSES);

        assertThat(context.summary()).containsExactly("BUY@4", "BUY@6", "BUY@10");
    }

    @Test
    void defaultsAreTwentyAndTwo() {
        Parameters defaults = definition.defaults();

        assertThat(defaults.integer("period")).isEqualTo(20);
        assertThat(defaults.decimal("k")).isEqualByComparingTo("2");
        assertThat(definition.newStrategy(defaults).warmUpCandles()).isEqualTo(20);
    }

    @Test
    void valuesOutOfRangeAreRefused() {
        assertThat(definition.validate(Map.of("period", "1", "k", "0")).getError()).containsExactly(
                new Violation("period", "1 is below the minimum 2"),
                new Violation("k", "0 is below the minimum 0.1"));
    }
}
