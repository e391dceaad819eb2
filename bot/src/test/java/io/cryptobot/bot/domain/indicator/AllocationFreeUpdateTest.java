package io.cryptobot.bot.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A backtest calls update millions of times a second; garbage per update would cost more than the
 * arithmetic. The JVM's per-thread allocation counter must not move across 200,000 updates of every
 * indicator (a few hundred bytes of slack cover the counter's own bookkeeping).
 */
class AllocationFreeUpdateTest {

    @Test
    void updatingAndReadingEveryIndicatorAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] prices = RandomWalk.values(3L, 200_000);
        SimpleMovingAverage sma = new SimpleMovingAverage(20);
        ExponentialMovingAverage ema = new ExponentialMovingAverage(20);
        WeightedMovingAverage wma = new WeightedMovingAverage(20);
        RelativeStrengthIndex rsi = new RelativeStrengthIndex(14);
        Macd macd = Macd.standard();
        BollingerBands bands = new BollingerBands(20, 2);
        RateOfChange roc = new RateOfChange(12);
        AverageTrueRange atr = new AverageTrueRange(14);
        StochasticOscillator stochastic = new StochasticOscillator(14);
        RollingVwap vwap = new RollingVwap(20);
        DonchianChannel donchian = new DonchianChannel(20);
        List<ValueIndicator> values = List.of(sma, ema, wma, rsi, macd, bands, roc);
        List<BarIndicator> bars = List.of(atr, stochastic, vwap, donchian);

        // The first pass warms the indicators and lets the JIT settle; the second is measured.
        double checksum = run(prices, values, bars, macd, bands, stochastic, donchian);
        long before = threads.getCurrentThreadAllocatedBytes();
        checksum += run(prices, values, bars, macd, bands, stochastic, donchian);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(checksum).isFinite();
        assertThat(allocated).as("bytes allocated by 200,000 updates of 11 indicators").isLessThan(1_024);
    }

    private static double run(double[] prices, List<ValueIndicator> values, List<BarIndicator> bars, Macd macd,
                              BollingerBands bands, StochasticOscillator stochastic, DonchianChannel donchian) {
        double checksum = 0;
        for (int i = 0; i < prices.length; i++) {
            double price = prices[i];
            for (int v = 0; v < values.size(); v++) {
                values.get(v).update(price);
            }
            for (int b = 0; b < bars.size(); b++) {
                bars.get(b).update(price * 1.001, price * 0.999, price, 1 + (i & 7));
            }
            if (macd.isReady() && stochastic.isReady()) {
                checksum += macd.signal() + macd.histogram() + bands.upper() + bands.lower() + stochastic.d()
                        + donchian.upper() + donchian.lower();
                for (int v = 0; v < values.size(); v++) {
                    checksum += values.get(v).value();
                }
                for (int b = 0; b < bars.size(); b++) {
                    checksum += bars.get(b).value();
                }
            }
        }
        return checksum;
    }
}
