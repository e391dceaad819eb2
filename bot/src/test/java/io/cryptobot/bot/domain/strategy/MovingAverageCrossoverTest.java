package io.cryptobot.bot.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-calculated with fast 2, slow 3 on closes 10, 10, 10, 12, 14, 9, 7:
 * <pre>
 * candle  close  SMA2   SMA3    spread
 *   3      10    10     10       0        first ready candle: no previous, no signal
 *   4      12    11     10.667  +0.333    0 to positive: cross up, buy
 *   5      14    13     12      +1
 *   6       9    11.5   11.667  -0.167    positive to negative: cross down, sell
 *   7       7     8     10      -2
 * </pre>
 */
class MovingAverageCrossoverTest {
    private static final double[] CLOSES = {10, 10, 10, 12, 14, 9, 7};

    private static Strategy sma(int fast, int slow) {
        StrategyDefinition definition = StrategyCatalog.find("sma_crossover").get();
        return definition.newStrategy(definition.validate(
                Map.of("fast", String.valueOf(fast), "slow", String.valueOf(slow))).get());
    }

    private static Strategy ema(int fast, int slow) {
        StrategyDefinition definition = StrategyCatalog.find("ema_crossover").get();
        return definition.newStrategy(definition.validate(
                Map.of("fast", String.valueOf(fast), "slow", String.valueOf(slow))).get());
    }

    @Test
    void buysAllInOnTheCandleTheFastAverageCrossesAboveAndSellsAllWhenItCrossesBelow() {
        RecordingContext context = RecordingContext.run(sma(2, 3), CLOSES);

        assertThat(context.summary()).containsExactly("BUY@4", "SELL@6");
        OrderIntent buy = context.emitted.get(0).intent();
        assertThat(buy.type()).isEqualTo(OrderType.MARKET);
        assertThat(buy.sizing()).isEqualTo(Sizing.ALL_IN);
        assertThat(buy.limitPrice().isEmpty()).isTrue();
        assertThat(buy.tag()).isEqualTo("sma_cross_up");
        OrderIntent sell = context.emitted.get(1).intent();
        assertThat(sell.side()).isEqualTo(Side.SELL);
        assertThat(sell.sizing()).isEqualTo(Sizing.CLOSE_POSITION);
        assertThat(sell.tag()).isEqualTo("sma_cross_down");
    }

    @Test
    void warmUpLastsTheSlowPeriodAndNoCrossDuringItSignals() {
        Strategy strategy = sma(2, 3);
        // SMA2 crosses the prices during the first candles, but SMA3 is not ready before candle 3.
        RecordingContext context = RecordingContext.run(strategy, 1, 5, 2);

        assertThat(strategy.warmUpCandles()).isEqualTo(3);
        assertThat(context.emitted).isEmpty();
    }

    @Test
    void theFirstReadyCandleOnlySetsTheReferenceEvenWhenTheSpreadIsAlreadyPositive() {
        // Candle 3: SMA2 = 15, SMA3 = 13.333: fast above slow, but there was no earlier ready candle to cross from.
        RecordingContext context = RecordingContext.run(sma(2, 3), 10, 10, 20, 21);

        assertThat(context.emitted).isEmpty();
    }

    @Test
    void doesNotBuyAgainWhileAlreadyLong() {
        RecordingContext context = new RecordingContext();
        context.position = new io.cryptobot.kernel.domain.Quantity(5, 1);

        context.feed(sma(2, 3), 10, 10, 10, 12, 14);

        assertThat(context.emitted).isEmpty();
    }

    @Test
    void sellsOnlyWhenLong() {
        // Same series, but the buy is never filled: the cross down on candle 6 finds the strategy flat.
        RecordingContext context = new RecordingContext();
        context.fillImmediately = false;

        context.feed(sma(2, 3), CLOSES);

        assertThat(context.summary()).containsExactly("BUY@4");
    }

    @Test
    void anUnfilledBuyLeavesItFlatSoTheNextCrossUpBuysAgain() {
        RecordingContext context = new RecordingContext();
        context.fillImmediately = false;

        // Up on 4, down on 6 (flat, so no sell), up again on 8: the position says flat, so it buys again.
        context.feed(sma(2, 3), 10, 10, 10, 12, 14, 9, 7, 20);

        assertThat(context.summary()).containsExactly("BUY@4", "BUY@8");
    }

    @Test
    void emaCrossoverTradesTheSameWayOnceBothEmasAreReady() {
        // EMA(n) is ready after n + 1 values and starts at that value (ta4j seeding): EMA2 and EMA3 both
        // start at close 4 = 10; close 5 = 14: EMA2 = 10 + 4 * 2/3 = 12.667, EMA3 = 10 + 4 * 1/2 = 12: up, buy.
        // close 6 = 6: EMA2 = 12.667 - 6.667 * 2/3 = 8.222, EMA3 = 12 - 6 * 1/2 = 9: down, sell.
        Strategy strategy = ema(2, 3);
        RecordingContext context = RecordingContext.run(strategy, 10, 10, 10, 10, 14, 6);

        assertThat(strategy.warmUpCandles()).isEqualTo(4);
        assertThat(context.summary()).containsExactly("BUY@5", "SELL@6");
        assertThat(context.emitted.get(0).intent().tag()).isEqualTo("ema_cross_up");
    }

    @Test
    void twoFreshInstancesEmitIdenticalIntentsOnTheSameSeries() {
        double[] closes = new double[5_000];
        long seed = 42;
        double price = 100;
        for (int i = 0; i < closes.length; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            price = Math.max(1, price + ((seed >>> 11) % 201 - 100) / 100.0);
            closes[i] = price;
        }

        RecordingContext first = RecordingContext.run(sma(5, 20), closes);
        RecordingContext second = RecordingContext.run(sma(5, 20), closes);

        assertThat(first.summary()).hasSizeGreaterThan(10);
        assertThat(second.emitted).isEqualTo(first.emitted);
    }
}
