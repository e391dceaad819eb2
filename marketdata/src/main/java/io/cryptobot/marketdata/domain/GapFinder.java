package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Timeframe;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;

/**
 * Finds the candles missing from a range [from, to). The expected open times are the timeframe-aligned instants
 * in the range. Present candles are given as runs of contiguous candles (first and last open time of each run),
 * which lets the store answer for a million candles with a handful of values; a plain list of open times is the
 * special case where every candle is its own run.
 */
public final class GapFinder {
    private GapFinder() {
    }

    /** {@code presentOpenTimes} must be ascending, aligned and inside [from, to). */
    public static List<Gap> find(Timeframe timeframe, long from, long to, PrimitiveIterator.OfLong presentOpenTimes) {
        List<Gap> gaps = new ArrayList<>();
        long expected = ceil(timeframe, from);
        while (presentOpenTimes.hasNext()) {
            long present = presentOpenTimes.nextLong();
            expected = gapBefore(timeframe, expected, present, present, gaps);
        }
        return finish(timeframe, expected, to, gaps);
    }

    /**
     * {@code runs} holds pairs (first open time, last open time) of runs of contiguous candles, ascending and
     * inside [from, to); a single candle is a run whose first and last are equal.
     */
    public static List<Gap> findBetweenRuns(Timeframe timeframe, long from, long to, long[] runs) {
        if (runs.length % 2 != 0) {
            throw new IllegalArgumentException("runs come in pairs of first and last open time");
        }
        List<Gap> gaps = new ArrayList<>();
        long expected = ceil(timeframe, from);
        for (int i = 0; i < runs.length; i += 2) {
            expected = gapBefore(timeframe, expected, runs[i], runs[i + 1], gaps);
        }
        return finish(timeframe, expected, to, gaps);
    }

    /**
     * The runs of the union of two sets of stored candles (a user's own and the shared ones), each given as
     * {@link #findBetweenRuns} takes them: runs that overlap or touch (the next candle after one run opens the other)
     * become one, so the result is again ascending and disjoint.
     */
    public static long[] unionOfRuns(Timeframe timeframe, long[] a, long[] b) {
        if (a.length % 2 != 0 || b.length % 2 != 0) {
            throw new IllegalArgumentException("runs come in pairs of first and last open time");
        }
        long[] union = new long[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            boolean fromA = j >= b.length || (i < a.length && a[i] <= b[j]);
            long first = fromA ? a[i] : b[j];
            long last = fromA ? a[i + 1] : b[j + 1];
            if (fromA) {
                i += 2;
            } else {
                j += 2;
            }
            if (n > 0 && first <= timeframe.next(union[n - 1])) {
                union[n - 1] = Math.max(union[n - 1], last);
            } else {
                union[n++] = first;
                union[n++] = last;
            }
        }
        return java.util.Arrays.copyOf(union, n);
    }

    private static long gapBefore(Timeframe timeframe, long expected, long first, long last, List<Gap> gaps) {
        if (first < expected || last < first) {
            throw new IllegalArgumentException("open times must be ascending, aligned and inside the range");
        }
        if (first > expected) {
            gaps.add(new Gap(expected, first, count(timeframe, expected, first)));
        }
        return timeframe.next(last);
    }

    private static List<Gap> finish(Timeframe timeframe, long expected, long to, List<Gap> gaps) {
        long end = ceil(timeframe, to);
        if (expected < end) {
            gaps.add(new Gap(expected, end, count(timeframe, expected, end)));
        }
        return gaps;
    }

    /** The first aligned open time at or after {@code time}. */
    public static long ceil(Timeframe timeframe, long time) {
        long floor = timeframe.floor(time);
        return floor == time ? time : timeframe.next(floor);
    }

    /** Aligned open times in [start, end), both aligned. */
    public static long count(Timeframe timeframe, long start, long end) {
        if (timeframe != Timeframe.MO1) {
            return (end - start) / timeframe.nominalLength().toMillis();
        }
        long n = 0;
        for (long t = start; t < end; t = timeframe.next(t)) {
            n++;
        }
        return n;
    }
}
