package io.cryptobot.exchange.domain.market;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.vavr.collection.List;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * The prices of the simulated live venue: for each symbol a geometric random walk (Brownian motion of the log
 * price, no drift) whose every value is a pure function of (seed, symbol, time). Any candle can be computed on its
 * own, in any order, so the venue's history and its live stream always agree and a restart reproduces the same
 * past; nothing is stored.
 *
 * <p>Construction: the log price at {@link #ORIGIN} is {@code ln(startPrice)}; each UTC day's total move is an
 * independent normal draw with variance {@code 1440 σ²}; inside a day the move is split into hours, each hour into
 * minutes, each minute into {@value #SUB_STEPS} steps by Brownian bridges (each part drawn given the sum still to
 * go), so every level has the variance of the walk and the parts add up exactly. A one-minute candle opens and
 * closes at the walk's values at its boundaries (rounded to the tick, so a candle's close is the next one's open);
 * its high and low are the extremes of its steps; its volume is log-normal around {@code baseVolume}, growing with
 * the size of the move. Coarser candles are aggregates of their minutes (open of the first, close of the last,
 * extremes, summed volume), so every timeframe agrees with every other.
 *
 * <p>Every draw comes from a hash of (seed, symbol, level, index) and is computed with {@link StrictMath}, so the
 * values are the same on every JVM.
 */
public final class SimulatedMarket {
    /** 2026-01-01T00:00:00Z: where the walk is pinned to each symbol's start price. */
    public static final long ORIGIN = 1_767_225_600_000L;
    public static final long MINUTE = 60_000L;
    static final int SUB_STEPS = 8;
    private static final int MINUTES_A_DAY = 1440;
    private static final double VOLUME_SIGMA = 0.5;
    private static final long LEVEL_DAY = 1;
    private static final long LEVEL_HOUR = 2;
    private static final long LEVEL_MINUTE = 3;
    private static final long LEVEL_STEP = 4;
    private static final long LEVEL_VOLUME = 5;
    private static final long ORIGIN_DAY = ORIGIN / (MINUTES_A_DAY * MINUTE);
    /** Timeframes the venue serves: every fixed length up to a day (longer ones cost too many minutes a candle). */
    private static final Set<Timeframe> TIMEFRAMES = EnumSet.of(Timeframe.M1, Timeframe.M3, Timeframe.M5,
            Timeframe.M15, Timeframe.M30, Timeframe.H1, Timeframe.H2, Timeframe.H4, Timeframe.H6, Timeframe.H8,
            Timeframe.H12, Timeframe.D1);
    private final long seed;

    public SimulatedMarket(long seed) {
        this.seed = seed;
    }

    public static Set<Timeframe> timeframes() {
        return EnumSet.copyOf(TIMEFRAMES);
    }

    /**
     * The candles of {@code timeframe} opening in [{@code from}, {@code to}), ascending, at most {@code limit}; the
     * first is the first aligned open time at or after {@code from}.
     */
    public List<VenueCandle> candles(SimSymbol symbol, Timeframe timeframe, long from, long to, int limit) {
        requireServed(timeframe);
        long open = timeframe.isAligned(from) ? from : timeframe.next(timeframe.floor(from));
        java.util.List<VenueCandle> found = new java.util.ArrayList<>();
        if (open >= to || limit <= 0) {
            return List.empty();
        }
        Walk walk = new Walk(symbol, open / MINUTE);
        while (open < to && found.size() < limit) {
            found.add(walk.aggregate(timeframe.nominalLength().toMillis() / MINUTE));
            open = timeframe.next(open);
        }
        return List.ofAll(found);
    }

    /** The one candle of {@code timeframe} opening at the aligned {@code openTime}. */
    public VenueCandle candle(SimSymbol symbol, Timeframe timeframe, long openTime) {
        requireServed(timeframe);
        if (!timeframe.isAligned(openTime)) {
            throw new IllegalArgumentException(openTime + " is not aligned to " + timeframe.code());
        }
        return new Walk(symbol, openTime / MINUTE).aggregate(timeframe.nominalLength().toMillis() / MINUTE);
    }

    private static void requireServed(Timeframe timeframe) {
        if (!TIMEFRAMES.contains(timeframe)) {
            throw new IllegalArgumentException("the simulated venue does not serve " + timeframe.code());
        }
    }

    /**
     * Walks the minutes of one symbol forward. The log price at a minute boundary is always computed the same way,
     * {@code base + offset(day) + hours before it in the day + minutes before it in the hour}, whatever minute the
     * walk started from, so random access and sequential walks give identical values (floating point included), and
     * a candle's close is exactly the next one's open.
     */
    private final class Walk {
        private final long key;
        private final double sigma;
        private final double baseLog;
        private final long tickUnits;
        private final int priceScale;
        private final double tick;
        private final long stepUnits;
        private final int quantityScale;
        private final double minuteVolumeInSteps;
        private final double[] hourParts = new double[24];
        private final double[] hourPrefix = new double[24];
        private final double[] minutePrefix = new double[60];
        private final double[] minuteParts = new double[60];
        private final double[] steps = new double[SUB_STEPS];
        private long minute;
        private long day = Long.MIN_VALUE;
        private long hour = Long.MIN_VALUE;
        private double dayBase;

        Walk(SimSymbol symbol, long startMinute) {
            this.key = mix(seed ^ mix(fnv(symbol.instrument().symbol())));
            this.sigma = symbol.volatility();
            this.baseLog = StrictMath.log(symbol.startPrice().doubleValue());
            this.priceScale = Math.max(0, symbol.tickSize().stripTrailingZeros().scale());
            this.tickUnits = symbol.tickSize().movePointRight(priceScale).longValueExact();
            this.tick = symbol.tickSize().doubleValue();
            this.quantityScale = Math.max(0, symbol.stepSize().stripTrailingZeros().scale());
            this.stepUnits = symbol.stepSize().movePointRight(quantityScale).longValueExact();
            this.minuteVolumeInSteps = symbol.baseVolume().divide(symbol.stepSize(), 12, RoundingMode.HALF_EVEN)
                    .doubleValue();
            this.minute = startMinute;
        }

        /** The next {@code count} minutes as one candle. */
        VenueCandle aggregate(long count) {
            long openTime = minute * MINUTE;
            double from = logAt(minute);
            long openTicks = ticks(from);
            long closeTicks = openTicks;
            long high = Long.MIN_VALUE;
            long low = Long.MAX_VALUE;
            long volume = 0;
            for (long i = 0; i < count; i++) {
                double to = logAt(minute + 1);
                double move = to - from;
                long open = ticks(from);
                long close = ticks(to);
                bridge(move, SUB_STEPS, sigma * sigma / SUB_STEPS, LEVEL_STEP, minute, steps);
                double path = from;
                double highest = from;
                double lowest = from;
                for (double step : steps) {
                    path += step;
                    highest = Math.max(highest, path);
                    lowest = Math.min(lowest, path);
                }
                high = Math.max(high, Math.max(ticks(highest), Math.max(open, close)));
                low = Math.min(low, Math.min(ticks(lowest), Math.min(open, close)));
                double activity = 1 + (sigma > 0 ? Math.abs(move) / sigma : 0);
                double lognormal = StrictMath.exp(VOLUME_SIGMA * gaussian(LEVEL_VOLUME, minute, 0)
                        - VOLUME_SIGMA * VOLUME_SIGMA / 2);
                volume += Math.round(minuteVolumeInSteps * lognormal * activity);
                closeTicks = close;
                from = to;
                minute++;
            }
            return new VenueCandle(openTime, price(openTicks), price(high), price(low), price(closeTicks),
                    BigDecimal.valueOf(volume * stepUnits, quantityScale));
        }

        private double logAt(long at) {
            long dayOf = Math.floorDiv(at, MINUTES_A_DAY);
            if (dayOf != day) {
                enterDay(dayOf);
            }
            long hourOf = Math.floorDiv(at, 60);
            if (hourOf != hour) {
                enterHour(hourOf);
            }
            return dayBase + hourPrefix[(int) Math.floorMod(hourOf, 24)] + minutePrefix[(int) Math.floorMod(at, 60)];
        }

        private void enterDay(long dayIndex) {
            day = dayIndex;
            hour = Long.MIN_VALUE;
            double daySigma = StrictMath.sqrt(sigma * sigma * MINUTES_A_DAY);
            double offset = 0;
            if (dayIndex >= ORIGIN_DAY) {
                for (long d = ORIGIN_DAY; d < dayIndex; d++) {
                    offset += daySigma * gaussian(LEVEL_DAY, d, 0);
                }
            } else {
                for (long d = ORIGIN_DAY - 1; d >= dayIndex; d--) {
                    offset -= daySigma * gaussian(LEVEL_DAY, d, 0);
                }
            }
            dayBase = baseLog + offset;
            bridge(daySigma * gaussian(LEVEL_DAY, dayIndex, 0), 24, sigma * sigma * 60, LEVEL_HOUR, dayIndex,
                    hourParts);
            prefix(hourParts, hourPrefix);
        }

        private void enterHour(long hourIndex) {
            hour = hourIndex;
            bridge(hourParts[(int) Math.floorMod(hourIndex, 24)], 60, sigma * sigma, LEVEL_MINUTE, hourIndex,
                    minuteParts);
            prefix(minuteParts, minutePrefix);
        }

        private static void prefix(double[] parts, double[] sums) {
            sums[0] = 0;
            for (int i = 1; i < parts.length; i++) {
                sums[i] = sums[i - 1] + parts[i - 1];
            }
        }

        /** Splits {@code total} into {@code n} increments of variance {@code variance} each (a Brownian bridge). */
        private void bridge(double total, int n, double variance, long level, long index, double[] parts) {
            double rest = total;
            for (int i = 0; i < n; i++) {
                int left = n - i;
                if (left == 1) {
                    parts[i] = rest;
                } else {
                    double part = rest / left
                            + StrictMath.sqrt(variance * (left - 1) / left) * gaussian(level, index, i);
                    parts[i] = part;
                    rest -= part;
                }
            }
        }

        private long ticks(double logPrice) {
            double count = StrictMath.exp(logPrice) / tick;
            return Math.max(1, Math.round(Math.min(count, 1e15)));
        }

        private BigDecimal price(long ticks) {
            return BigDecimal.valueOf(ticks * tickUnits, priceScale);
        }

        private double gaussian(long level, long index, long part) {
            long h = mix(key ^ mix(level * 0x9E3779B97F4A7C15L ^ mix(index ^ mix(part + 0x632BE59BD9B4E019L))));
            double u1 = ((h >>> 11) + 1) * 0x1.0p-53;
            double u2 = (mix(h) >>> 11) * 0x1.0p-53;
            return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
        }
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001B3L;
        }
        return hash;
    }
}
