package io.cryptobot.bot.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Small series worked out by hand. */
class OscillatorExamplesTest {
    private static final double EXACT = 1e-12;

    @Test
    void rsiOfTwoFollowsWilderAveragesOfGainsAndLosses() {
        // closes 10, 12, 11, 14, 13: gains 0, 2, 0, 3, 0 and losses 0, 0, 1, 0, 1.
        RelativeStrengthIndex rsi = new RelativeStrengthIndex(2);
        rsi.update(10);
        rsi.update(12);
        assertThat(rsi.isReady()).isFalse();
        rsi.update(11); // averages seeded with this bar's change: gain 0, loss 1
        assertThat(rsi.value()).isEqualTo(0);
        rsi.update(14); // gain 0 + (3 - 0)/2 = 1.5, loss 1 + (0 - 1)/2 = 0.5: RS 3
        assertThat(rsi.value()).isCloseTo(75, within(EXACT));
        rsi.update(13); // gain 1.5 + (0 - 1.5)/2 = 0.75, loss 0.5 + (1 - 0.5)/2 = 0.75: RS 1
        assertThat(rsi.value()).isCloseTo(50, within(EXACT));
    }

    @Test
    void rsiIsHundredWithoutLossesAndZeroForAFlatSeries() {
        RelativeStrengthIndex rising = new RelativeStrengthIndex(3);
        RelativeStrengthIndex flat = new RelativeStrengthIndex(3);
        for (int i = 1; i <= 6; i++) {
            rising.update(i);
            flat.update(42);
        }
        assertThat(rising.value()).isEqualTo(100);
        assertThat(flat.value()).isEqualTo(0);
    }

    @Test
    void macdLineSignalAndHistogramOnDoublingValues() {
        // EMA(1) follows the values from the second one; EMA(2) (alpha 2/3) seeds with the third.
        Macd macd = new Macd(1, 2, 2);
        macd.update(1);
        macd.update(2);
        assertThat(macd.isReady()).isFalse();
        macd.update(4); // short 4, long 4: MACD 0, signal seeded with it
        assertThat(macd.macd()).isEqualTo(0);
        assertThat(macd.signal()).isEqualTo(0);
        assertThat(macd.histogram()).isEqualTo(0);
        macd.update(8); // short 8, long 4 + 4 * 2/3 = 20/3: MACD 4/3; signal 0 + 4/3 * 2/3 = 8/9
        assertThat(macd.macd()).isCloseTo(4.0 / 3, within(EXACT));
        assertThat(macd.value()).isEqualTo(macd.macd());
        assertThat(macd.signal()).isCloseTo(8.0 / 9, within(EXACT));
        assertThat(macd.histogram()).isCloseTo(4.0 / 9, within(EXACT));
    }

    @Test
    void macdSignalLongerThanTheLongEmaDelaysReadiness() {
        Macd macd = new Macd(2, 3, 6);
        assertThat(macd.warmUpPeriod()).isEqualTo(7);
        for (int i = 1; i <= 6; i++) {
            macd.update(i);
        }
        assertThat(macd.isReady()).isFalse();
        macd.update(7);
        assertThat(macd.isReady()).isTrue();
        assertThat(macd.histogram()).isEqualTo(0);
    }

    @Test
    void stochasticKPlacesTheCloseInTheWindowRangeAndDAveragesK() {
        StochasticOscillator stochastic = new StochasticOscillator(3, 2);
        stochastic.update(10, 8, 9, 1);
        stochastic.update(12, 9, 11, 1);
        stochastic.update(11, 7, 8, 1); // highest 12, lowest 7, close 8: K 20
        assertThat(stochastic.isReady()).isFalse();
        stochastic.update(13, 10, 12, 1); // highest 13, lowest 7, close 12: K 500/6; D (20 + 500/6) / 2
        assertThat(stochastic.isReady()).isTrue();
        assertThat(stochastic.k()).isCloseTo(500.0 / 6, within(EXACT));
        assertThat(stochastic.d()).isCloseTo((20 + 500.0 / 6) / 2, within(EXACT));
    }

    @Test
    void stochasticOfAFlatWindowIsFiftyRatherThanNaN() {
        StochasticOscillator stochastic = new StochasticOscillator(2, 1);
        stochastic.update(5, 5, 5, 1);
        stochastic.update(5, 5, 5, 1);
        assertThat(stochastic.k()).isEqualTo(50);
        assertThat(stochastic.d()).isEqualTo(50);
    }

    @Test
    void rateOfChangeComparesWithTheValuePeriodBarsEarlier() {
        RateOfChange roc = new RateOfChange(2);
        roc.update(100);
        roc.update(110);
        assertThat(roc.isReady()).isFalse();
        roc.update(99);
        assertThat(roc.value()).isCloseTo(-1, within(EXACT));
        roc.update(121);
        assertThat(roc.value()).isCloseTo(10, within(EXACT));
    }
}
