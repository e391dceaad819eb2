package io.cryptobot.bot.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Quantity;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EntrySizingTest {

    private static Option<Sizing> valid(String kind, String quantity, String amount, String percent) {
        var parsed = EntrySizing.parse(new EntrySizing.Raw(kind, quantity, amount, percent));
        assertThat(parsed.isValid()).as("%s", parsed).isTrue();
        return parsed.get();
    }

    private static java.util.List<String> problems(String kind, String quantity, String amount, String percent) {
        return EntrySizing.parse(new EntrySizing.Raw(kind, quantity, amount, percent)).getError()
                .map(v -> v.field() + ": " + v.reason()).toJavaList();
    }

    @Nested
    class Parsing {
        @Test
        void leftOutIsNoChoice() {
            assertThat(EntrySizing.parse(null).get()).isEmpty();
        }

        @Test
        void eachKindReadsItsOneNumber() {
            assertThat(valid("all_in", null, null, null)).contains(Sizing.ALL_IN);
            assertThat(valid("fixed_quantity", "0.0100", null, null))
                    .contains(new Sizing.FixedQuantity(new Quantity(1, 2)));
            assertThat(valid("quote_amount", null, "100", null))
                    .contains(new Sizing.QuoteAmount(new BigDecimal("100")));
            assertThat(valid("percent_of_equity", null, null, "25"))
                    .contains(new Sizing.FractionOfEquity(new BigDecimal("0.25")));
            assertThat(valid("percent_of_equity", null, null, "100"))
                    .contains(new Sizing.FractionOfEquity(new BigDecimal("1.00")));
        }

        @Test
        void everyProblemIsNamedByItsField() {
            assertThat(problems(null, null, null, null)).singleElement().asString().startsWith("sizing.kind: is missing");
            assertThat(problems("moon", null, null, null)).singleElement().asString()
                    .startsWith("sizing.kind: unknown kind 'moon'");
            assertThat(problems("fixed_quantity", null, null, null))
                    .containsExactly("sizing.quantity: is required for fixed_quantity");
            assertThat(problems("fixed_quantity", "-1", "5", null))
                    .containsExactly("sizing.quantity: must be positive, got -1",
                            "sizing.amount: is not used by fixed_quantity (only by quote_amount)");
            assertThat(problems("quote_amount", null, "abc", null))
                    .containsExactly("sizing.amount: must be a decimal number, got 'abc'");
            assertThat(problems("quote_amount", null, "0", null)).containsExactly("sizing.amount: must be positive, got 0");
            assertThat(problems("percent_of_equity", null, null, "0"))
                    .containsExactly("sizing.percent: must be above 0 and at most 100, got 0");
            assertThat(problems("percent_of_equity", null, null, "100.01"))
                    .containsExactly("sizing.percent: must be above 0 and at most 100, got 100.01");
            assertThat(problems("all_in", "1", null, null))
                    .containsExactly("sizing.quantity: is not used by all_in (only by fixed_quantity)");
        }

        @Test
        void theRawFormReadsBackToTheSameSizing() {
            for (Sizing sizing : java.util.List.of(Sizing.ALL_IN, new Sizing.FixedQuantity(new Quantity(125, 4)),
                    new Sizing.QuoteAmount(new BigDecimal("99.5")), new Sizing.FractionOfEquity(new BigDecimal("0.125")))) {
                EntrySizing.Raw raw = EntrySizing.raw(sizing);
                assertThat(valid(raw.kind(), raw.quantity(), raw.amount(), raw.percent())).as("%s", raw).contains(sizing);
            }
            assertThat(EntrySizing.raw(new Sizing.FractionOfEquity(new BigDecimal("0.25"))).percent()).isEqualTo("25");
        }
    }

    @Nested
    class AgainstTheInstrument {
        private final Quantity step = new Quantity(1, 3);
        private final BigDecimal largest = BigDecimal.valueOf(Long.MAX_VALUE, 3);

        @Test
        void aFixedQuantityMustBeWholeSteps() {
            assertThat(EntrySizing.fitsStep(valid("fixed_quantity", "0.012", null, null), "SIM:BTC/USDT", step,
                    largest)).isEmpty();
            assertThat(EntrySizing.fitsStep(valid("fixed_quantity", "0.0125", null, null), "SIM:BTC/USDT", step,
                    largest).map(Violation::reason)).containsExactly(
                    "must be a whole number of steps of SIM:BTC/USDT (step 0.001), got 0.0125; for example 0.012");
        }

        @Test
        void otherSizingsAreRoundedDownWhenSizedAndNeedNoCheck() {
            assertThat(EntrySizing.fitsStep(valid("quote_amount", null, "0.00001", null), "SIM:BTC/USDT", step,
                    largest)).isEmpty();
        }

        @Test
        void aFixedQuantityBeyondTheQuantityScaleIsRefusedWithTheLargest() {
            assertThat(EntrySizing.fitsStep(valid("fixed_quantity", "10000000", null, null), "SIM:BTC/USDT",
                    new Quantity(1, 12), BigDecimal.valueOf(Long.MAX_VALUE, 12)).map(Violation::reason))
                    .containsExactly("is more than the quantity scale of SIM:BTC/USDT holds; the largest accepted "
                            + "is 9223372.036854775807");
        }
    }

    @Nested
    class PerStrategy {
        private final StrategyDefinition sma = StrategyCatalog.find("sma_crossover").get();
        private final StrategyDefinition dca = StrategyCatalog.find("dca").get();
        private final Option<Sizing> quarter = Option.some(new Sizing.FractionOfEquity(new BigDecimal("0.25")));

        @Test
        void theAllInStrategiesTakeAnySizingForTheirBuysAndKeepClosingThePosition() {
            for (String id : java.util.List.of("sma_crossover", "ema_crossover", "rsi_mean_reversion",
                    "bollinger_breakout", "macd")) {
                StrategyDefinition definition = StrategyCatalog.find(id).get();
                assertThat(definition.sizingUse()).as(id).isEqualTo(EntrySizing.Use.REPLACES_ALL_IN);
                assertThat(definition.checkSizing(quarter, Map.of())).isEmpty();
                assertThat(definition.entrySizing(definition.defaults(), Option.none())).contains(Sizing.ALL_IN);
            }
            Strategy strategy = sma.newStrategy(sma.validate(Map.of("fast", "2", "slow", "3")).get(),
                    Option.some(new Sizing.QuoteAmount(new BigDecimal("250"))));
            RecordingContext context = RecordingContext.run(strategy, new double[] {10, 10, 10, 12, 14, 9, 7});
            assertThat(context.summary()).containsExactly("BUY@4", "SELL@6");
            assertThat(context.emitted.get(0).intent().sizing()).isEqualTo(new Sizing.QuoteAmount(new BigDecimal("250")));
            assertThat(context.emitted.get(1).intent().sizing()).isEqualTo(Sizing.CLOSE_POSITION);
        }

        @Test
        void dcaAndGridBuyWithTheSizingInsteadOfTheirAmount() {
            for (String id : java.util.List.of("dca", "grid")) {
                assertThat(StrategyCatalog.find(id).get().sizingUse()).as(id).isEqualTo(EntrySizing.Use.REPLACES_AMOUNT);
            }
            assertThat(dca.entrySizing(dca.defaults(), Option.none()))
                    .contains(new Sizing.QuoteAmount(new BigDecimal("100")));
            Strategy strategy = dca.newStrategy(dca.defaults(), Option.some(new Sizing.QuoteAmount(new BigDecimal("250"))));
            RecordingContext context = RecordingContext.run(strategy, new double[] {100});
            assertThat(context.emitted.get(0).intent().sizing()).isEqualTo(new Sizing.QuoteAmount(new BigDecimal("250")));
        }

        @Test
        void dcaRefusesAllInAndASizingNextToItsAmount() {
            assertThat(dca.checkSizing(quarter, Map.of())).isEmpty();
            assertThat(dca.checkSizing(Option.some(Sizing.ALL_IN), Map.of()).map(Violation::field))
                    .containsExactly("sizing.kind");
            assertThat(dca.checkSizing(quarter, Map.of("amount", "50")).map(Violation::field))
                    .containsExactly("sizing");
            assertThat(dca.checkSizing(Option.none(), Map.of("amount", "50"))).isEmpty();
        }

        @Test
        void manualRefusesAnySizing() {
            StrategyDefinition manual = StrategyCatalog.find("manual").get();
            assertThat(manual.checkSizing(Option.some(Sizing.ALL_IN), Map.of()).map(Violation::field))
                    .containsExactly("sizing");
            assertThat(manual.entrySizing(manual.defaults(), Option.none())).isEmpty();
        }
    }
}
