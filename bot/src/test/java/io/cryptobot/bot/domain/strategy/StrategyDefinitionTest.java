package io.cryptobot.bot.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.kernel.domain.DomainError.Violation;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyDefinitionTest {
    private final StrategyDefinition sma = MovingAverageCrossover.sma();

    @Test
    void missingParametersTakeTheirDefaults() {
        Parameters parameters = sma.validate(Map.of()).get();

        assertThat(parameters.integer("fast")).isEqualTo(10);
        assertThat(parameters.integer("slow")).isEqualTo(30);
        assertThat(sma.newStrategy(parameters).warmUpCandles()).isEqualTo(30);
    }

    @Test
    void givenValuesReplaceDefaultsAndMayCarrySurroundingBlanks() {
        Parameters parameters = sma.validate(Map.of("fast", " 2", "slow", "3 ")).get();

        assertThat(parameters.integer("fast")).isEqualTo(2);
        assertThat(parameters.integer("slow")).isEqualTo(3);
    }

    @Test
    void anUnknownParameterIsReportedByName() {
        var result = sma.validate(Map.of("fats", "5"));

        assertThat(result.getError()).containsExactly(new Violation("fats", "unknown parameter of sma_crossover"));
    }

    @Test
    void aValueOfTheWrongTypeIsReported() {
        var result = sma.validate(Map.of("fast", "2.5"));

        assertThat(result.getError()).containsExactly(new Violation("fast", "must be an integer, got '2.5'"));
    }

    @Test
    void valuesOutsideTheInclusiveRangeAreReportedButItsBoundsAreAccepted() {
        var result = sma.validate(Map.of("fast", "0", "slow", "5001"));

        assertThat(result.getError()).containsExactly(
                new Violation("fast", "0 is below the minimum 1"),
                new Violation("slow", "5001 is above the maximum 5000"));
        assertThat(sma.validate(Map.of("fast", "1", "slow", "5000")).isValid()).isTrue();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("fast", "ten");
        raw.put("slow", "-1");
        raw.put("signal", "9");

        assertThat(sma.validate(raw).getError()).extracting(Violation::field)
                .containsExactlyInAnyOrder("signal", "fast", "slow");
    }

    @Test
    void aFastPeriodNotBelowTheSlowOneIsRefused() {
        assertThat(sma.validate(Map.of("fast", "30", "slow", "30")).getError())
                .containsExactly(new Violation("fast", "must be below slow (30), got 30"));
        assertThat(sma.validate(Map.of("fast", "40")).getError())
                .containsExactly(new Violation("fast", "must be below slow (30), got 40"));
    }

    @Test
    void decimalsAreExactAndBooleansAcceptOnlyTrueOrFalse() {
        StrategyDefinition definition = new StrategyDefinition("demo", "demo",
                io.vavr.collection.List.of(
                        ParameterSpec.decimal("fraction", "0.5", "0.01", "1", "share of equity"),
                        ParameterSpec.bool("shortable", false, "may sell short")),
                p -> io.vavr.collection.List.empty(), p -> null);

        Parameters valid = definition.validate(Map.of("fraction", "0.10", "shortable", "TRUE")).get();
        assertThat(valid.decimal("fraction")).isEqualByComparingTo(new BigDecimal("0.1"));
        assertThat(valid.bool("shortable")).isTrue();
        assertThat(definition.validate(Map.of("fraction", "1.0000000001", "shortable", "yes")).getError())
                .containsExactly(new Violation("fraction", "1.0000000001 is above the maximum 1"),
                        new Violation("shortable", "must be true or false, got 'yes'"));
        assertThat(definition.defaults().decimal("fraction")).isEqualByComparingTo("0.5");
    }

    @Test
    void aSpecWhoseDefaultBreaksItsOwnRangeCannotBeDeclared() {
        assertThatThrownBy(() -> ParameterSpec.integer("fast", 0, 1, 10, "period"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below the minimum");
    }

    @Test
    void theManualStrategyTakesNoParametersAndNeverSubmits() {
        StrategyDefinition manual = StrategyCatalog.find("manual").get();
        assertThat(manual.parameters()).isEmpty();
        Strategy strategy = manual.newStrategy(manual.validate(java.util.Map.of()).get());
        RecordingContext context = new RecordingContext();
        io.cryptobot.kernel.domain.InstrumentId btc = io.cryptobot.kernel.domain.InstrumentId.parse("SIM:BTC/USDT").get();
        for (int i = 0; i < 100; i++) {
            long price = 4_200_000 + (i % 7) * 10_000 - (i % 3) * 25_000;
            strategy.onCandle(btc, new io.cryptobot.kernel.domain.Candle(60_000L * i,
                    new io.cryptobot.kernel.domain.Price(price, 2), new io.cryptobot.kernel.domain.Price(price + 500, 2),
                    new io.cryptobot.kernel.domain.Price(price - 500, 2), new io.cryptobot.kernel.domain.Price(price, 2),
                    new io.cryptobot.kernel.domain.Quantity(100_000, 5)), context);
        }
        assertThat(context.emitted).isEmpty();
        assertThat(strategy.warmUpCandles()).isZero();
    }

    @Test
    void theCatalogListsTheBuiltInsById() {
        assertThat(StrategyCatalog.builtIns().map(StrategyDefinition::id))
                .containsExactly("sma_crossover", "ema_crossover", "rsi_mean_reversion", "bollinger_breakout", "macd",
                        "dca", "grid", "manual");
        assertThat(StrategyCatalog.find("ema_crossover").get().defaults().integer("slow")).isEqualTo(30);
        assertThat(StrategyCatalog.find("martingale").isEmpty()).isTrue();
    }

    @Test
    void everyBuiltInStartsFromItsDefaultsPlusTheExamplesOfItsRequiredParameters() {
        for (StrategyDefinition definition : StrategyCatalog.builtIns()) {
            Parameters parameters = definition.validate(definition.examples()).get();
            assertThat(definition.newStrategy(parameters)).as(definition.id()).isNotNull();
        }
        assertThat(StrategyCatalog.find("grid").get().examples()).containsOnlyKeys("lower", "upper");
        assertThat(StrategyCatalog.find("sma_crossover").get().examples()).isEmpty();
    }
}
