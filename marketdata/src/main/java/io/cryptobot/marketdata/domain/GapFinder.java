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
