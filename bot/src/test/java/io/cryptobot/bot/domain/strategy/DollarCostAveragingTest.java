package io.cryptobot.bot.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-calculated with interval 2, amount 100, take_profit 0.1, max_buys 3 on closes 100, 90, 80, 95, 50, 60, 70,
 * 78, 78. Buys fill at the close for 100 / close (rounded down to 8 decimals); take profit needs
 * close × quantity &gt; cost × 1.1.
 * <pre>
 * candle  close  action                       quantity  cost  average  take-profit price
 *   1      100   buy 1 of 3                   1         100   100      110
 *   2       90   waiting (interval 2)
 *   3       80   buy 2 of 3                   2.25      200    88.889   97.778
 *   4       95   waiting; 95 not above 97.778
 *   5       50   buy 3 of 3                   4.25      300    70.588   77.647
 *   6       60   waiting
 *   7       70   3 buys held: no buy; 70 not above 77.647
 *   8       78   78 above 77.647: sell all, new cycle
 *   9       78   buy 1 of 3 of the new cycle  1.28205128  (100 / 78 rounded down)
 * </pre>
 */
class DollarCostAveragingTest {
    private static final double[] CLOSES = {100, 90, 80, 95, 50, 60, 70, 78, 78};
    private final StrategyDefinition definition = StrategyCatalog.find("dca").get();

    private DollarCostAveraging dca(int interval, String amount, String takeProfit, int maxBuys) {
        return (DollarCostAveraging) definition.newStrategy(definition.validate(Map.of(
                "interval", String.valueOf(interval), "amount", amount, "take_profit", takeProfit,
                "max_buys", String.valueOf(maxBuys))).get());
    }

    @Test
    void buysEveryIntervalUpToMaxBuysAndSellsAllAboveTheTakeProfitPrice() {
        RecordingContext context = RecordingContext.run(dca(2, "100", "0.1", 3), CLOSES);

        assertThat(context.summary()).containsExactly("BUY@1", "BUY@3", "BUY@5", "SELL@8", "BUY@9");
        OrderIntent buy = context.emitted.get(0).intent();
        assertThat(buy.sizing()).isEqualTo(new Sizing.QuoteAmount(new BigDecimal("100")));
        assertThat(buy.tag()).isEqualTo("dca_buy");
        OrderIntent sell = context.emitted.get(3).intent();
        assertThat(sell.side()).isEqualTo(Side.SELL);
        assertThat(sell.sizing()).isEqualTo(Sizing.CLOSE_POSITION);
        assertThat(sell.tag()).isEqualTo("dca_take_profit");
        // The sell closed 4.25; the new cycle's buy left 100 / 78 rounded down.
        assertThat(context.position).isEqualTo(new Quantity(128_205_128, 8));
    }

    @Test
    void theAverageEntryComesFromItsOwnFillsAndANewCycleStartsAfresh() {
        DollarCostAveraging strategy = dca(2, "100", "0.1", 3);
        RecordingContext context = new RecordingContext();

        assertThat(strategy.averageEntryPrice()).isNaN();
        context.feed(strategy, 100, 90, 80);
        assertThat(strategy.averageEntryPrice()).isCloseTo(200 / 2.25, within(1e-9));
        context.feed(strategy, 95, 50, 60, 70);
        assertThat(strategy.averageEntryPrice()).isCloseTo(300 / 4.25, within(1e-9));
        assertThat(strategy.buysInCycle()).isEqualTo(3);

        context.feed(strategy, 78);
        assertThat(strategy.averageEntryPrice()).isNaN();
        assertThat(strategy.buysInCycle()).isZero();

        context.feed(strategy, 78);
        assertThat(strategy.averageEntryPrice()).isCloseTo(78, within(1e-6));
        assertThat(strategy.buysInCycle()).isEqualTo(1);
    }

    @Test
    void aCloseExactlyAtTheTakeProfitPriceDoesNotSell() {
        // take_profit 0.25 is exact in binary: one buy at 100, take-profit price 125.
        RecordingContext context = RecordingContext.run(dca(10, "100", "0.25", 3), 100, 125, 125.01);

        assertThat(context.summary()).containsExactly("BUY@1", "SELL@3");
    }

    @Test
    void unfilledBuysCountAgainstMaxBuysButNeverTakeProfit() {
        RecordingContext context = new RecordingContext();
        context.fillImmediately = false;

        context.feed(dca(1, "100", "0.1", 2), 100, 100, 100, 200, 300);

        assertThat(context.summary()).containsExactly("BUY@1", "BUY@2");
    }

    @Test
    void itNeedsNoWarmUp() {
        DollarCostAveraging strategy = dca(60, "100", "0.03", 10);

        assertThat(strategy.warmUpCandles()).isZero();
        assertThat(RecordingContext.run(strategy, 100).summary()).containsExactly("BUY@1");
    }

    @Test
    void defaultsAreSixtyCandlesAHundredThreePercentAndTenBuys() {
        Parameters defaults = definition.defaults();

        assertThat(defaults.integer("interval")).isEqualTo(60);
        assertThat(defaults.decimal("amount")).isEqualByComparingTo("100");
        assertThat(defaults.decimal("take_profit")).isEqualByComparingTo("0.03");
        assertThat(defaults.integer("max_buys")).isEqualTo(10);
    }

    @Test
    void valuesOutOfRangeAreRefused() {
        assertThat(definition.validate(Map.of("interval", "0", "amount", "0", "take_profit", "-0.01",
                "max_buys", "0")).getError()).containsExactlyInAnyOrder(
                new Violation("interval", "0 is below the minimum 1"),
                new Violation("amount", "0 is below the minimum 0.00000001"),
                new Violation("take_profit", "-0.01 is below the minimum 0.0001"),
                new Violation("max_buys", "0 is below the minimum 1"));
    }

    @Test
    void aQuoteAmountMustBePositive() {
        assertThatThrownBy(() -> new Sizing.QuoteAmount(BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Sizing.QuoteAmount(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sizing.QuoteAmount(null)).isInstanceOf(NullPointerException.class);
    }
}
