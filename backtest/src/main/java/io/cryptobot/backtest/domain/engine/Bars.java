package io.cryptobot.backtest.domain.engine;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.marketdata.domain.CandleBatch;
import java.util.Objects;

/**
 * The loaded history of one instrument as the engine reads it: marketdata's columnar {@link CandleBatch} (six
 * {@code long}s per candle, 48 bytes, no object per candle), wrapped without copying, or a read-only window of
 * one. Open times ascend strictly. Sweeps and walk-forward windows share one loaded history read-only.
 */
public final class Bars {
    private final InstrumentId instrument;
    private final CandleBatch batch;
    /** Index in the batch of this series' first candle: non-zero for a {@link #window}. */
    private final int offset;
    /** The size of a window; -1 for the whole (growable) batch. */
    private final int windowSize;

    private Bars(InstrumentId instrument, CandleBatch batch, int offset, int windowSize) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.batch = Objects.requireNonNull(batch, "batch");
        this.offset = offset;
        this.windowSize = windowSize;
    }

    /** An empty series to append to. */
    public Bars(InstrumentId instrument, int priceScale, int quantityScale, int expectedSize) {
        this(instrument, new CandleBatch(priceScale, quantityScale, expectedSize), 0, -1);
    }

    /** A loaded batch (ascending open times, as queries return them), without copying it. */
    public static Bars of(InstrumentId instrument, CandleBatch batch) {
        return new Bars(instrument, batch, 0, -1);
    }

    /** Appends one candle's raw units; open times must ascend strictly. */
    public void append(long openTime, long openUnits, long highUnits, long lowUnits, long closeUnits,
                       long volumeUnits) {
        requireAppendable(openTime);
        batch.add(openTime, openUnits, highUnits, lowUnits, closeUnits, volumeUnits);
    }

    public void append(Candle candle) {
        requireAppendable(candle.openTime());
        batch.accept(candle);
    }

    private void requireAppendable(long openTime) {
        if (windowSize >= 0) {
            throw new UnsupportedOperationException("a window is read-only");
        }
        int n = batch.size();
        if (n > 0 && openTime <= batch.openTime(n - 1)) {
            throw new IllegalArgumentException("open times must ascend: " + openTime + " after " + batch.openTime(n - 1));
        }
    }

    /** Drops spare capacity once loading is done, so the series holds exactly 48 bytes a candle. */
    public Bars trim() {
        if (windowSize < 0) {
            batch.trim();
        }
        return this;
    }

    /**
     * Candles {@code [from, to)} of this series as a read-only view sharing its columns: sweeps and walk-forward
     * windows slice one loaded history without copying it.
     */
    public Bars window(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("window [" + from + ", " + to + ") of " + size());
        }
        return new Bars(instrument, batch, offset + from, to - from);
    }

    /** A candle object for index {@code i}: what strategies and the fill model read. */
    public Candle candle(int i) {
        return batch.candle(offset + i);
    }

    public InstrumentId instrument() {
        return instrument;
    }

    public int priceScale() {
        return batch.priceScale();
    }

    public int quantityScale() {
        return batch.quantityScale();
    }

    public int size() {
        return windowSize >= 0 ? windowSize : batch.size();
    }

    public long time(int i) {
        return batch.openTime(offset + i);
    }

    public long close(int i) {
        return batch.close(offset + i);
    }

    /** Index of the first candle opening at or after {@code openTime} ({@link #size()} if none). */
    public int indexAtOrAfter(long openTime) {
        int low = 0;
        int high = size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (time(mid) < openTime) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Bytes held by the columns (capacity, not just size; a window holds none of its own). */
    public long retainedBytes() {
        return windowSize >= 0 ? 0 : batch.retainedBytes();
    }
}
