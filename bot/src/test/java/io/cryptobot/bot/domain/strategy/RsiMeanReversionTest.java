package io.cryptobot.bot.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError.Violation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-calculated with period 2 on closes 10, 10, 8, 7, 12, 13. The RSI follows ta4j's seeding: Wilder averages
 * of gains and losses start from the single change into candle 3 and then move half-way (1/period) each candle.
 * <pre>
 * candle  close  change  avgGain  avgLoss  RSI
 *   3       8     -2      0        2         0     oversold and flat: buy
 *   4       7     -1      0        1.5       0     oversold but long: nothing
 *   5      12     +5      2.5      0.75     76.9   overbought and long: sell
 *   6      13     +1      1.75     0.375    82.4   overbought but flat: nothing
 * </pre>
 */
class RsiMeanReversionTest {
    private final StrategyDefinition definition = StrategyCatalog.find("rsi_mean_reversion").get();

    @Test
    void buysWhenOversoldAndFlatAndSellsWhenOverboughtAndLong() {
        Strategy strategy = definition.newStrategy(definition.validate(Map.of("period", "2")).get());

        RecordingContext context = RecordingContext.run(strategy, 10, 10, 8, 7, 12, 13);

        assertThat(strategy.warmUpCandles()).isEqualTo(3);
        assertThat(context.summary()).containsExactly("BUY@3", "SELL@5");
        assertThat(context.emitted.get(0).intent().tag()).isEqualTo("rsi_oversold");
        assertThat(context.emitted.get(1).intent().sizing()).isEqualTo(Sizing.CLOSE_POSITION);
    }

    @Test
    void staysSilentDuringWarmUpHoweverFarPricesFall() {
        Strategy strategy = definition.newStrategy(definition.validate(Map.of("period", "2")).get());

        assertThat(RecordingContext.run(strategy, 10, 5).emitted).isEmpty();
    }

    @Test
    void defaultsAreFourteenThirtyAndSeventy() {
        Parameters defaults = definition.defaults();

        assertThat(defaults.integer("period")).isEqualTo(14);
        assertThat(defaults.decimal("oversold")).isEqualByComparingTo("30");
        assertThat(defaults.decimal("overbought")).isEqualByComparingTo("70");
        assertThat(definition.newStrategy(defaults).warmUpCandles()).isEqualTo(15);
    }

    @Test
    void anOversoldLevelNotBelowTheOverboughtOneIsRefused() {
        assertThat(definition.validate(Map.of("oversold", "70.5")).getError())
                .containsExactly(new Violation("oversold", "must be below overbought (70), got 70.5"));
    }
}
