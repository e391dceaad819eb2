package io.cryptobot.bot.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * 200,000 values around 40,000 with full-precision mantissas, every window checked against a direct
 * recomputation in exact decimals (each double converts to BigDecimal exactly; means and deviations in
 * 34 digits): the running sums and the sliding variance must stay within an absolute 1e-9 of it on every
 * value, the last as well as the first.
 */
class LongSeriesDriftTest {
    private static final int COUNT = 200_000;
    private static final double[] VALUES = RandomWalk.values(7L, COUNT);
    private static final BigDecimal[] EXACT = new BigDecimal[COUNT];
    private static final MathContext MC = MathContext.DECIMAL128;

    static {
        for (int i = 0; i < COUNT; i++) {
            EXACT[i] = new BigDecimal(VALUES[i]);
        }
    }

    @Test
    void simpleMovingAverageStaysWithinOneNanoOfDirectMeanOver200kValues() {
        int period = 30;
        SimpleMovingAverage sma = new SimpleMovingAverage(period);
        for (int i = 0; i < COUNT; i++) {
            sma.update(VALUES[i]);
            if (i >= period - 1) {
                assertThat(sma.value()).as("SMA at %d", i).isCloseTo(mean(i, period).doubleValue(), within(1e-9));
            }
        }
    }

    @Test
    void bollingerBandsStayWithinOneNanoOfDirectTwoPassComputationOver200kValues() {
        int period = 20;
        double k = 2;
        BollingerBands bands = new BollingerBands(period, k);
        for (int i = 0; i < COUNT; i++) {
            bands.update(VALUES[i]);
            if (i >= period - 1) {
                BigDecimal mean = mean(i, period);
                BigDecimal squares = BigDecimal.ZERO;
                for (int j = i - period + 1; j <= i; j++) {
                    BigDecimal deviation = EXACT[j].subtract(mean, MC);
                    squares = squares.add(deviation.multiply(deviation, MC), MC);
                }
                BigDecimal deviation = squares.divide(BigDecimal.valueOf(period), MC).sqrt(MC);
                BigDecimal width = deviation.multiply(BigDecimal.valueOf(k), MC);
                assertThat(bands.standardDeviation()).as("deviation at %d", i)
                        .isCloseTo(deviation.doubleValue(), within(1e-9));
                assertThat(bands.middle()).as("middle at %d", i).isCloseTo(mean.doubleValue(), within(1e-9));
                assertThat(bands.upper()).as("upper at %d", i)
                        .isCloseTo(mean.add(width, MC).doubleValue(), within(1e-9));
                assertThat(bands.lower()).as("lower at %d", i)
                        .isCloseTo(mean.subtract(width, MC).doubleValue(), within(1e-9));
            }
        }
    }

    @Test
    void weightedMovingAverageStaysWithinOneNanoOfDirectWeightedMeanOver200kValues() {
        int period = 20;
        WeightedMovingAverage wma = new WeightedMovingAverage(period);
        BigDecimal divisor = BigDecimal.valueOf(period * (period + 1) / 2);
        for (int i = 0; i < COUNT; i++) {
            wma.update(VALUES[i]);
            if (i >= period - 1) {
                BigDecimal weighted = BigDecimal.ZERO;
                for (int w = 1; w <= period; w++) {
                    weighted = weighted.add(EXACT[i - period + w].multiply(BigDecimal.valueOf(w)));
                }
                assertThat(wma.value()).as("WMA at %d", i)
                        .isCloseTo(weighted.divide(divisor, MC).doubleValue(), within(1e-9));
            }
        }
    }

    @Test
    void rollingVwapStaysWithinOneNanoOfDirectComputationOver200kBars() {
        int period = 20;
        double[] volumes = RandomWalk.values(11L, COUNT);
        RollingVwap vwap = new RollingVwap(period);
        BigDecimal[] typicalTimesVolume = new BigDecimal[COUNT];
        BigDecimal[] volume = new BigDecimal[COUNT];
        for (int i = 0; i < COUNT; i++) {
            // high = close + 1, low = close - 1: the typical price is the close; volumes are another walk.
            double close = VALUES[i];
            double high = close + 1;
            double low = close - 1;
            double v = volumes[i] / 1000;
            vwap.update(high, low, close, v);
            volume[i] = new BigDecimal(v);
            typicalTimesVolume[i] = new BigDecimal((high + low + close) / 3).multiply(volume[i]);
            if (i >= period - 1) {
                BigDecimal weighted = BigDecimal.ZERO;
                BigDecimal traded = BigDecimal.ZERO;
                for (int j = i - period + 1; j <= i; j++) {
                    weighted = weighted.add(typicalTimesVolume[j]);
                    traded = traded.add(volume[j]);
                }
                assertThat(vwap.value()).as("VWAP at %d", i)
                        .isCloseTo(weighted.divide(traded, MC).doubleValue(), within(1e-9));
            }
        }
    }

    private static BigDecimal mean(int last, int period) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = last - period + 1; j <= last; j++) {
            sum = sum.add(EXACT[j]);
        }
        return sum.divide(BigDecimal.valueOf(period), MC);
    }
}
