package io.cryptobot.bot.domain.indicator;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DecimalNumFactory;

/**
 * Seeded, reproducible market data: a geometric random walk around 40,000 in cents, one-minute bars whose
 * open is the previous close and whose high and low wrap open and close, volumes in 10^-5 units. The same
 * candles feed our indicators (through {@link BarIndicator#update(Candle)} or their closes) and ta4j.
 */
final class RandomWalk {
    static final int PRICE_SCALE = 2;
    static final int VOLUME_SCALE = 5;

    private RandomWalk() {
    }

    static List<Candle> candles(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Candle> candles = new ArrayList<>(count);
        long close = 4_000_000;
        for (int i = 0; i < count; i++) {
            long open = close;
            close = Math.max(100, Math.round(open * Math.exp(0.002 * random.nextGaussian())));
            long wick = Math.round(open * 0.001);
            long high = Math.max(open, close) + Math.round(Math.abs(random.nextGaussian()) * wick);
            long low = Math.max(1, Math.min(open, close) - Math.round(Math.abs(random.nextGaussian()) * wick));
            long volume = random.nextLong(1, 5_000_000_000L);
            candles.add(new Candle(60_000L * i, price(open), price(high), price(low), price(close),
                    new Quantity(volume, VOLUME_SCALE)));
        }
        return candles;
    }

    /** Doubles around 40,000 with full 53-bit mantissas, the hardest case for running sums. */
    static double[] values(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[count];
        double value = 40_000;
        for (int i = 0; i < count; i++) {
            value *= Math.exp(0.002 * random.nextGaussian());
            values[i] = value;
        }
        return values;
    }

    static double close(Candle candle) {
        return candle.close().units() / (double) 100;
    }

    /** The same candles as a ta4j series, with 40-digit decimals so that its own rounding is negligible. */
    static BarSeries toTa4j(List<Candle> candles) {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(DecimalNumFactory.getInstance(40)).build();
        for (Candle candle : candles) {
            series.barBuilder()
                    .timePeriod(Duration.ofMinutes(1))
                    .endTime(Instant.ofEpochMilli(candle.openTime() + 60_000))
                    .openPrice(candle.open().toString())
                    .highPrice(candle.high().toString())
                    .lowPrice(candle.low().toString())
                    .closePrice(candle.close().toString())
                    .volume(candle.volume().toString())
                    .add();
        }
        return series;
    }

    private static Price price(long cents) {
        return new Price(cents, PRICE_SCALE);
    }
}
