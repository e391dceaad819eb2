package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import java.util.Arrays;

/**
 * Candles of one instrument and timeframe in columns of fixed-point units (the instrument's scales). A batch is
 * a reusable buffer: an import fills it, hands it to storage, clears it and fills it again, so millions of rows
 * pass through a few arrays. It is also the columnar form reads return, where a backtest scans {@code long}s
 * instead of objects.
 */
public final class CandleBatch implements CandleSink {
    private final int priceScale;
    private final int quantityScale;
    private long[] openTime;
    private long[] open;
    private long[] high;
    private long[] low;
    private long[] close;
    private long[] volume;
    private int size;

    public CandleBatch(int priceScale, int quantityScale, int initialCapacity) {
        this.priceScale = priceScale;
        this.quantityScale = quantityScale;
        int capacity = Math.max(initialCapacity, 16);
        openTime = new long[capacity];
        open = new long[capacity];
        high = new long[capacity];
        low = new long[capacity];
        close = new long[capacity];
        volume = new long[capacity];
    }

    /** Appends raw units; the caller vouches for OHLC sanity (they come from the database or a {@link Candle}). */
    public void add(long openTimeMillis, long openUnits, long highUnits, long lowUnits, long closeUnits,
                    long volumeUnits) {
        if (size == openTime.length) {
            grow();
        }
        openTime[size] = openTimeMillis;
        open[size] = openUnits;
        high[size] = highUnits;
        low[size] = lowUnits;
        close[size] = closeUnits;
        volume[size] = volumeUnits;
        size++;
    }

    @Override
    public void accept(Candle candle) {
        if (candle.open().scale() != priceScale || candle.volume().scale() != quantityScale) {
            throw new IllegalArgumentException("candle scales differ from the batch's");
        }
        add(candle.openTime(), candle.open().units(), candle.high().units(), candle.low().units(),
                candle.close().units(), candle.volume().units());
    }

    public Candle candle(int index) {
        checkIndex(index);
        return new Candle(openTime[index], new Price(open[index], priceScale), new Price(high[index], priceScale),
                new Price(low[index], priceScale), new Price(close[index], priceScale),
                new Quantity(volume[index], quantityScale));
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }

    public int priceScale() {
        return priceScale;
    }

    public int quantityScale() {
        return quantityScale;
    }

    public long openTime(int index) {
        checkIndex(index);
        return openTime[index];
    }

    public long open(int index) {
        checkIndex(index);
        return open[index];
    }

    public long high(int index) {
        checkIndex(index);
        return high[index];
    }

    public long low(int index) {
        checkIndex(index);
        return low[index];
    }

    public long close(int index) {
        checkIndex(index);
        return close[index];
    }

    public long volume(int index) {
        checkIndex(index);
        return volume[index];
    }

    /** Copies of the filled part of each column, in the order open time, open, high, low, close, volume. */
    public long[][] columns() {
        return new long[][] {Arrays.copyOf(openTime, size), Arrays.copyOf(open, size), Arrays.copyOf(high, size),
                Arrays.copyOf(low, size), Arrays.copyOf(close, size), Arrays.copyOf(volume, size)};
    }

    /** Drops spare capacity (one copy of each column), so a batch kept in memory holds 48 bytes a candle. */
    public CandleBatch trim() {
        if (openTime.length != size) {
            openTime = Arrays.copyOf(openTime, size);
            open = Arrays.copyOf(open, size);
            high = Arrays.copyOf(high, size);
            low = Arrays.copyOf(low, size);
            close = Arrays.copyOf(close, size);
            volume = Arrays.copyOf(volume, size);
        }
        return this;
    }

    /** Bytes the six columns hold, spare capacity included. */
    public long retainedBytes() {
        return 6L * Long.BYTES * openTime.length;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
    }

    private void grow() {
        int capacity = Math.max(16, openTime.length * 2);
        openTime = Arrays.copyOf(openTime, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, capacity);
    }
}
