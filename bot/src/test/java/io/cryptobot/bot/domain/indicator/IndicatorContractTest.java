package io.cryptobot.bot.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every indicator promises: checked parameters, checked inputs, and no value before warm-up. */
class IndicatorContractTest {

    static Stream<Arguments> invalidParameters() {
        return Stream.of(
                Arguments.of("SMA period 0", (ThrowingCallable) () -> new SimpleMovingAverage(0), "period must be at least 1, was 0"),
                Arguments.of("EMA period -1", (ThrowingCallable) () -> new ExponentialMovingAverage(-1), "period must be at least 1, was -1"),
                Arguments.of("Wilder period 0", (ThrowingCallable) () -> ExponentialMovingAverage.wilder(0), "period must be at least 1, was 0"),
                Arguments.of("WMA period 0", (ThrowingCallable) () -> new WeightedMovingAverage(0), "period must be at least 1, was 0"),
                Arguments.of("RSI period 0", (ThrowingCallable) () -> new RelativeStrengthIndex(0), "period must be at least 1, was 0"),
                Arguments.of("MACD short 0", (ThrowingCallable) () -> new Macd(0, 26, 9), "shortPeriod must be at least 1, was 0"),
                Arguments.of("MACD long = short", (ThrowingCallable) () -> new Macd(12, 12, 9), "longPeriod must be greater than shortPeriod 12, was 12"),
                Arguments.of("MACD long < short", (ThrowingCallable) () -> new Macd(26, 12, 9), "longPeriod must be greater than shortPeriod 26, was 12"),
                Arguments.of("MACD signal 0", (ThrowingCallable) () -> new Macd(12, 26, 0), "signalPeriod must be at least 1, was 0"),
                Arguments.of("Bollinger period 0", (ThrowingCallable) () -> new BollingerBands(0, 2), "period must be at least 1, was 0"),
                Arguments.of("Bollinger k < 0", (ThrowingCallable) () -> new BollingerBands(20, -1), "k must be a finite number >= 0, was -1.0"),
                Arguments.of("Bollinger k NaN", (ThrowingCallable) () -> new BollingerBands(20, Double.NaN), "k must be a finite number >= 0, was NaN"),
                Arguments.of("Bollinger k infinite", (ThrowingCallable) () -> new BollingerBands(20, Double.POSITIVE_INFINITY), "k must be a finite number >= 0, was Infinity"),
                Arguments.of("ATR period 0", (ThrowingCallable) () -> new AverageTrueRange(0), "period must be at least 1, was 0"),
                Arguments.of("Stochastic K 0", (ThrowingCallable) () -> new StochasticOscillator(0), "kPeriod must be at least 1, was 0"),
                Arguments.of("Stochastic D 0", (ThrowingCallable) () -> new StochasticOscillator(14, 0), "dPeriod must be at least 1, was 0"),
                Arguments.of("ROC period 0", (ThrowingCallable) () -> new RateOfChange(0), "period must be at least 1, was 0"),
                Arguments.of("VWAP period 0", (ThrowingCallable) () -> new RollingVwap(0), "period must be at least 1, was 0"),
                Arguments.of("Donchian period 0", (ThrowingCallable) () -> new DonchianChannel(0), "period must be at least 1, was 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidParameters")
    void invalidParametersAreRefusedWithTheRuleAndTheValue(String name, ThrowingCallable build, String message) {
        assertThatIllegalArgumentException().isThrownBy(build).withMessage(message);
    }

    static List<Supplier<Indicator>> everyIndicator() {
        return List.of(() -> new SimpleMovingAverage(3), () -> new ExponentialMovingAverage(3),
                () -> new WeightedMovingAverage(3), () -> new RelativeStrengthIndex(3), () -> new Macd(2, 3, 4),
                () -> new BollingerBands(3, 2), () -> new AverageTrueRange(3), () -> new StochasticOscillator(3, 2),
                () -> new RateOfChange(3), () -> new RollingVwap(3), () -> new DonchianChannel(3));
    }

    @ParameterizedTest
    @MethodSource("everyIndicator")
    void aValueIsRefusedUntilTheWarmUpIsDoneAndGivenFromThen(Supplier<Indicator> factory) {
        Indicator indicator = factory.get();
        for (int i = 1; i < indicator.warmUpPeriod(); i++) {
            feed(indicator, 100 + i);
            assertThat(indicator.isReady()).as("%s after %d updates", indicator, i).isFalse();
            assertThatIllegalStateException().isThrownBy(indicator::value)
                    .withMessageContaining("is not ready: it needs " + indicator.warmUpPeriod() + " updates and has had " + i);
        }
        feed(indicator, 200);
        assertThat(indicator.isReady()).isTrue();
        assertThat(indicator.value()).isFinite();
    }

    @ParameterizedTest
    @MethodSource("everyIndicator")
    void nonFiniteInputIsRefusedBeforeItCanPoisonTheState(Supplier<Indicator> factory) {
        Indicator indicator = factory.get();
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            if (indicator instanceof ValueIndicator values) {
                assertThatIllegalArgumentException().isThrownBy(() -> values.update(bad))
                        .withMessageContaining("must be a finite number");
            } else {
                BarIndicator bars = (BarIndicator) indicator;
                assertThatIllegalArgumentException().isThrownBy(() -> bars.update(bad, 1, 1, 1))
                        .withMessageContaining("high must be a finite number");
                assertThatIllegalArgumentException().isThrownBy(() -> bars.update(2, bad, 1, 1))
                        .withMessageContaining("low must be a finite number");
            }
        }
        for (int i = 0; i < indicator.warmUpPeriod(); i++) {
            feed(indicator, 100 + i);
        }
        assertThat(indicator.value()).isFinite();
    }

    @Test
    void vwapRefusesNegativeVolume() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RollingVwap(3).update(2, 1, 1.5, -0.5))
                .withMessage("volume must be a finite number >= 0, was -0.5");
    }

    private static void feed(Indicator indicator, double price) {
        if (indicator instanceof ValueIndicator values) {
            values.update(price);
        } else {
            ((BarIndicator) indicator).update(price + 1, price - 1, price, 10);
        }
    }
}
