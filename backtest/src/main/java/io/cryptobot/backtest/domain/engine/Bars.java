package io.cryptobot.backtest.domain.engine;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import java.util.Arrays;
import java.util.Objects;

/**
 * The loaded history of one instrument in columns: six {@code long}s per candle (open time in epoch
 * milliseconds; open, high, low, close in price units; volume in quantity units), 48 bytes a candle and no
 * object per candle. Appended in ascending open time, then read by index; sweeps share one instance read-only.
 */
public final class Bars {
    private final InstrumentId instrument;
    private final int priceScale;
    private final int quantityScale;
    private long[] time;
    private long[] open;
    private long[] high;
    private long[] low;
    private long[] close;
    private long[] volume;
    private int size;
    /** Index in the arrays of this series' first candle: non-zero for a {@link #window}. */
    private final int offset;
    private final boolean view;

    public Bars(InstrumentId instrument, int priceScale, int quantityScale, int expectedSize) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.priceScale = priceScale;
        this.quantityScale = quantityScale;
        int capacity = Math.max(expectedSize, 16);
        time = new long[capacity];
        open = new long[capacity];
        high = new long[capacity];
        low = new long[capacity];
        close = new long[capacity];
        volume = new long[capacity];
        offset = 0;
        view = false;
    }

    private Bars(Bars source, int from, int to) {
        this.instrument = source.instrument;
        this.priceScale = source.priceScale;
        this.quantityScale = source.quantityScale;
        this.time = source.time;
        this.open = source.open;
        this.high = source.high;
        this.low = source.low;
        this.close = source.close;
        this.volume = source.volume;
        this.offset = source.offset + from;
        this.size = to - from;
        this.view = true;
    }

    /**
     * Candles {@code [from, to)} of this series as a read-only view sharing its columns: sweeps and walk-forward
     * windows slice one loaded history without copying it.
     */
    public Bars window(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("window [" + from + ", " + to + ") of " + size);
        }
        return new Bars(this, from, to);
    }

    /** Appends one candle's raw units; open times must ascend strictly. */
    public void append(long openTime, long openUnits, long highUnits, long lowUnits, long closeUnits,
                       long volumeUnits) {
        if (view) {
            throw new UnsupportedOperationException("a window is read-only");
        }
        if (size > 0 && openTime <= time[size - 1]) {
            throw new IllegalArgumentException("open times must ascend: " + openTime + " after " + time[size - 1]);
        }
        if (size == time.length) {
            int capacity = Math.max(16, size + (size >> 1));
            time = Arrays.copyOf(time, capacity);
            open = Arrays.copyOf(open, capacity);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            close = Arrays.copyOf(close, capacity);
            volume = Arrays.copyOf(volume, capacity);
        }
        time[size] = openTime;
        open[size] = openUnits;
        high[size] = highUnits;
        low[size] = lowUnits;
        close[size] = closeUnits;
        volume[size] = volumeUnits;
        size++;
    }

    public void append(Candle candle) {
        if (candle.open().scale() != priceScale || candle.volume().scale() != quantityScale) {
            throw new IllegalArgumentException("candle scales differ from the series'");
        }
        append(candle.openTime(), candle.open().units(), candle.high().units(), candle.low().units(),
                candle.close().units(), candle.volume().units());
    }

    /** Drops spare capacity once loading is done, so the series holds exactly 48 bytes a candle. */
    public Bars trim() {
        if (!view && time.length != size) {
            time = Arrays.copyOf(time, size);
            open = Arrays.copyOf(open, size);
            high = Arrays.copyOf(high, size);
            low = Arrays.copyOf(low, size);
            close = Arrays.copyOf(close, size);
            volume = Arrays.copyOf(volume, size);
        }
        return this;
    }

    /** A candle object for index {@code i}: what strategies and the fill model read. */
    public Candle candle(int i) {
        int at = offset + i;
        return new Candle(time[at], new Price(open[at], priceScale), new Price(high[at], priceScale),
                new Price(low[at], priceScale), new Price(close[at], priceScale), new Quantity(volume[at], quantityScale));
    }

    public InstrumentId instrument() {
        return instrument;
    }

    public int priceScale() {
        return priceScale;
    }

    public int quantityScale() {
        return quantityScale;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return time[offset + i];
    }

    public long close(int i) {
        return close[offset + i];
    }

    /** Index of the first candle opening at or after {@code openTime} ({@link #size()} if none). */
    public int indexAtOrAfter(long openTime) {
        int at = Arrays.binarySearch(time, offset, offset + size, openTime);
        return (at >= 0 ? at : -at - 1) - offset;
    }

    /** Bytes held by the columns (capacity, not just size; a window holds none of its own). */
    public long retainedBytes() {
        return view ? 0 : 6L * 8L * time.length;
    }
}
