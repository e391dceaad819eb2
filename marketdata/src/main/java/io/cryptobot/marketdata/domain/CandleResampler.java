package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes coarse candles from fine ones, exactly, in fixed-point units: open = the first fine open, close = the
 * last fine close, high = the highest high, low = the lowest low, volume = the sum of the volumes. Buckets follow
 * {@link Timeframe#floor} (UTC; 1w opens on Monday 00:00 UTC, 1M on the first of the month).
 *
 * <p>A coarse candle is only made from a complete bucket, one in which every fine candle is present. A bucket with
 * some fine candles missing is <b>skipped</b> and reported as an {@link IncompleteBucket}: a candle made of part of
 * its interval would carry a wrong open, close, range or volume under a name that claims the whole interval, and
 * the bucket still in progress at the end of the data is exactly such a case. A bucket with no fine candle at all
 * is simply absent (a gap, as the gap report shows it).
 *
 * <p>Incremental: fine candles are {@link #add added} in ascending open time, possibly over many calls (pages of a
 * download), and a bucket is decided once a candle of a later bucket arrives or the caller says that everything
 * before some time is known ({@link #knownUntil}). Decided candles wait in {@link #completed()} until taken.
 */
public final class CandleResampler {
    private static final long NONE = Long.MIN_VALUE;
    private final Timeframe fine;
    private final Timeframe coarse;
    private final CandleBatch completed;
    private final List<IncompleteBucket> incomplete = new ArrayList<>();
    private long lastFine = NONE;
    private long bucket = NONE;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;
    private long count;

    public CandleResampler(Timeframe fine, Timeframe coarse, int priceScale, int quantityScale) {
        if (!Resampling.derivable(fine, coarse)) {
            throw new IllegalArgumentException(coarse.code() + " candles cannot be computed exactly from "
                    + fine.code() + " candles");
        }
        this.fine = fine;
        this.coarse = coarse;
        this.completed = new CandleBatch(priceScale, quantityScale, 64);
    }

    /** Resamples a whole series at once; everything before {@code knownUntil} is taken to be known. */
    public static CandleResampler of(CandleBatch fineCandles, Timeframe fine, Timeframe coarse, long knownUntil) {
        CandleResampler resampler = new CandleResampler(fine, coarse, fineCandles.priceScale(),
                fineCandles.quantityScale());
        resampler.addAll(fineCandles);
        resampler.knownUntil(knownUntil);
        return resampler;
    }

    public void addAll(CandleBatch fineCandles) {
        for (int i = 0; i < fineCandles.size(); i++) {
            add(fineCandles.openTime(i), fineCandles.open(i), fineCandles.high(i), fineCandles.low(i),
                    fineCandles.close(i), fineCandles.volume(i));
        }
    }

    /** The next fine candle; open times must ascend strictly and be aligned to the fine timeframe. */
    public void add(long openTime, long openUnits, long highUnits, long lowUnits, long closeUnits, long volumeUnits) {
        if (!fine.isAligned(openTime) || lastFine != NONE && openTime <= lastFine) {
            throw new IllegalArgumentException("fine candles must ascend and be aligned to " + fine.code()
                    + ": " + openTime + " after " + lastFine);
        }
        lastFine = openTime;
        long into = coarse.floor(openTime);
        if (bucket != NONE && into != bucket) {
            decide();
        }
        if (bucket == NONE) {
            bucket = into;
            open = openUnits;
            high = highUnits;
            low = lowUnits;
            volume = 0;
            count = 0;
        }
        high = Math.max(high, highUnits);
        low = Math.min(low, lowUnits);
        close = closeUnits;
        volume = Math.addExact(volume, volumeUnits);
        count++;
    }

    /** Every fine candle opening before {@code time} has been added: buckets ending by then are decided. */
    public void knownUntil(long time) {
        if (bucket != NONE && coarse.next(bucket) <= time) {
            decide();
        }
    }

    /** The open time of the bucket still being filled, if one is. */
    public Option<Long> pending() {
        return bucket == NONE ? Option.none() : Option.some(bucket);
    }

    /** Coarse candles decided so far and not yet {@link #clearDecided() cleared}, ascending. */
    public CandleBatch completed() {
        return completed;
    }

    /** Buckets skipped for missing fine candles, decided so far and not yet cleared, ascending. */
    public List<IncompleteBucket> incomplete() {
        return List.copyOf(incomplete);
    }

    /** Forgets decided candles and skipped buckets (the caller has stored or reported them). */
    public void clearDecided() {
        completed.clear();
        incomplete.clear();
    }

    private void decide() {
        long expected = GapFinder.count(fine, bucket, coarse.next(bucket));
        if (count == expected) {
            completed.add(bucket, open, high, low, close, volume);
        } else {
            incomplete.add(new IncompleteBucket(bucket, count, expected));
        }
        bucket = NONE;
    }
}
