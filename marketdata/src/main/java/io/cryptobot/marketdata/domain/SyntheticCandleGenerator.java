package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import java.util.SplittableRandom;

/**
 * Generates a reproducible candle series: a geometric random walk sampled {@value #STEPS} times inside each
 * candle. Open is the previous close; high and low are the extremes of the sampled path, so OHLC sanity holds by
 * construction (rounding to the tick is monotonic and cannot reorder them). Volume is log-normal around the base
 * volume and grows with the size of the candle's move, as real volume does.
 *
 * <p>Determinism: one {@link SplittableRandom} seeded with the spec's seed is the only source of randomness, and
 * {@link StrictMath} keeps the arithmetic identical on every JVM, so the same spec yields the same candles.
 */
public final class SyntheticCandleGenerator {
    static final int STEPS = 8;
    private static final double VOLUME_SIGMA = 0.5;
    private static final long MAX_PRICE_UNITS = 1_000_000_000_000_000L;

    private SyntheticCandleGenerator() {
    }

    public static void generate(SyntheticSpec spec, CandleSink sink) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        int priceScale = spec.instrument().priceScale();
        int quantityScale = spec.instrument().quantityScale();
        long tick = spec.instrument().tickSize().units();
        long step = spec.instrument().stepSize().units();
        double volatility = spec.volatility();
        double stepSigma = volatility / StrictMath.sqrt(STEPS);
        double stepMean = (spec.drift() - 0.5 * volatility * volatility) / STEPS;
        double baseVolume = spec.baseVolume().units();

        long open = toTick(spec.startPrice().units(), tick);
        long openTime = spec.from();
        for (int i = 0; i < spec.count(); i++) {
            double logPrice = StrictMath.log(open);
            double highest = open;
            double lowest = open;
            for (int s = 0; s < STEPS; s++) {
                logPrice += stepMean + stepSigma * random.nextGaussian();
                double price = StrictMath.exp(logPrice);
                highest = Math.max(highest, price);
                lowest = Math.min(lowest, price);
            }
            long close = toTick(StrictMath.exp(logPrice), tick);
            long high = Math.max(toTick(highest, tick), Math.max(open, close));
            long low = Math.min(toTick(lowest, tick), Math.min(open, close));
            double move = Math.abs(StrictMath.log((double) close / open));
            double activity = 1 + (volatility > 0 ? move / volatility : 0);
            double lognormal = StrictMath.exp(VOLUME_SIGMA * random.nextGaussian() - VOLUME_SIGMA * VOLUME_SIGMA / 2);
            long volume = Math.round(baseVolume * lognormal * activity / step) * step;
            sink.accept(new Candle(openTime, new Price(open, priceScale), new Price(high, priceScale),
                    new Price(low, priceScale), new Price(close, priceScale), new Quantity(volume, quantityScale)));
            open = close;
            openTime = spec.timeframe().next(openTime);
        }
    }

    /** The nearest whole number of ticks, never below one tick nor above a bound that keeps sums in a long. */
    private static long toTick(double units, long tick) {
        double clamped = Math.min(units, (double) MAX_PRICE_UNITS);
        return Math.max(tick, Math.round(clamped / tick) * tick);
    }
}
