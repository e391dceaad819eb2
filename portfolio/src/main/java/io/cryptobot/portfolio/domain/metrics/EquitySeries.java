package io.cryptobot.portfolio.domain.metrics;

import java.util.Arrays;

/**
 * An append-only, columnar series of equity samples, one per candle: sample {@code i} is the account equity at
 * {@link #time(int)} (epoch millis, the candle's time) and whether a position was open during that candle.
 *
 * <p>Backed by growable primitive arrays ({@code long[]} times, {@code double[]} equities, a {@code long[]} bitset
 * of exposure): appending allocates nothing per sample (only when the capacity doubles). Times are strictly
 * increasing and equities finite; anything else is a caller bug ({@link IllegalArgumentException}).
 *
 * <p>Not thread-safe: one writer (the engine) fills it, metrics read it afterwards.
 */
public final class EquitySeries {
    private static final int DEFAULT_CAPACITY = 1024;

    private long[] times;
    private double[] equities;
    private long[] exposedBits;
    private int size;
    private int exposedCount;

    /** An empty series. */
    public EquitySeries() {
        this(DEFAULT_CAPACITY);
    }

    /** An empty series sized for {@code initialCapacity} samples (it grows beyond as needed). */
    public EquitySeries(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("capacity is not negative: " + initialCapacity);
        }
        int capacity = Math.max(initialCapacity, 1);
        times = new long[capacity];
        equities = new double[capacity];
        exposedBits = new long[(capacity + 63) >>> 6];
    }

    /** Appends a sample with no position open. */
    public EquitySeries append(long timeMillis, double equity) {
        return append(timeMillis, equity, false);
    }

    /**
     * Appends the sample {@code (timeMillis, equity)}; {@code exposed} says a position was open during the candle.
     *
     * @throws IllegalArgumentException if {@code timeMillis} is not after the previous sample's time or
     *     {@code equity} is NaN or infinite
     */
    public EquitySeries append(long timeMillis, double equity, boolean exposed) {
        if (size > 0 && timeMillis <= times[size - 1]) {
            throw new IllegalArgumentException("sample times are strictly increasing: " + timeMillis
                    + " after " + times[size - 1]);
        }
        if (!Double.isFinite(equity)) {
            throw new IllegalArgumentException("equity is finite: " + equity);
        }
        if (size == times.length) {
            int capacity = times.length * 2;
            times = Arrays.copyOf(times, capacity);
            equities = Arrays.copyOf(equities, capacity);
            exposedBits = Arrays.copyOf(exposedBits, (capacity + 63) >>> 6);
        }
        times[size] = timeMillis;
        equities[size] = equity;
        if (exposed) {
            exposedBits[size >>> 6] |= 1L << size;
            exposedCount++;
        }
        size++;
        return this;
    }

    /** The number of samples. */
    public int size() {
        return size;
    }

    /** Whether there are no samples. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The time (epoch millis) of sample {@code i}. */
    public long time(int i) {
        return times[checked(i)];
    }

    /** The equity of sample {@code i}. */
    public double equity(int i) {
        return equities[checked(i)];
    }

    /** Whether a position was open during sample {@code i}. */
    public boolean exposed(int i) {
        return (exposedBits[checked(i) >>> 6] & (1L << i)) != 0;
    }

    /** The number of samples with a position open. */
    public int exposedCount() {
        return exposedCount;
    }

    private int checked(int i) {
        return java.util.Objects.checkIndex(i, size);
    }
}
