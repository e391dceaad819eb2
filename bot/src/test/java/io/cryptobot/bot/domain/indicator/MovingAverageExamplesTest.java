package io.cryptobot.bot.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Small series worked out by hand; fractions are written as fractions. */
class MovingAverageExamplesTest {
    private static final double EXACT = 1e-12;

    @Test
    void smaOfThreeOverOneToFourIsTwoThenThree() {
        SimpleMovingAverage sma = new SimpleMovingAverage(3);
        sma.update(1);
        sma.update(2);
        assertThat(sma.isReady()).isFalse();
        sma.update(3);
        assertThat(sma.isReady()).isTrue();
        assertThat(sma.value()).isEqualTo(2);
        sma.update(4);
        assertThat(sma.value()).isEqualTo(3);
    }

    @Test
    void smaOfOneIsTheLatestValue() {
        SimpleMovingAverage sma = new SimpleMovingAverage(1);
        sma.update(5);
        assertThat(sma.value()).isEqualTo(5);
        sma.update(-7.5);
        assertThat(sma.value()).isEqualTo(-7.5);
    }

    @Test
    void emaIgnoresTheFirstPeriodValuesAndSeedsWithTheNextOneAsTa4jDoes() {
        ExponentialMovingAverage ema = new ExponentialMovingAverage(2);
        ema.update(1);
        ema.update(2);
        assertThat(ema.isReady()).isFalse();
        ema.update(3);
        assertThat(ema.isReady()).isTrue();
        assertThat(ema.value()).isEqualTo(3);
        ema.update(4); // alpha 2/3: 3 + (4 - 3) * 2/3
        assertThat(ema.value()).isCloseTo(11.0 / 3, within(EXACT));
        ema.update(5); // 11/3 + (5 - 11/3) * 2/3
        assertThat(ema.value()).isCloseTo(41.0 / 9, within(EXACT));
    }

    @Test
    void wilderSmoothingMovesAFractionOneOverPeriodTowardsEachValue() {
        ExponentialMovingAverage wilder = ExponentialMovingAverage.wilder(2);
        wilder.update(10);
        wilder.update(20);
        wilder.update(30);
        assertThat(wilder.value()).isEqualTo(30);
        wilder.update(40);
        assertThat(wilder.value()).isEqualTo(35);
        assertThat(wilder.warmUpPeriod()).isEqualTo(3);
    }

    @Test
    void wmaWeighsTheNewestValueMost() {
        WeightedMovingAverage wma = new WeightedMovingAverage(3);
        wma.update(1);
        wma.update(2);
        assertThat(wma.isReady()).isFalse();
        wma.update(3); // (1*1 + 2*2 + 3*3) / 6
        assertThat(wma.value()).isCloseTo(14.0 / 6, within(EXACT));
        wma.update(4); // (2*1 + 3*2 + 4*3) / 6
        assertThat(wma.value()).isCloseTo(20.0 / 6, within(EXACT));
        wma.update(10); // (3*1 + 4*2 + 10*3) / 6
        assertThat(wma.value()).isCloseTo(41.0 / 6, within(EXACT));
    }
}
