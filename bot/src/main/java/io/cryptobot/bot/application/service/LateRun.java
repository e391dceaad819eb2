package io.cryptobot.bot.application.service;

import io.cryptobot.marketdata.application.port.in.LiveCandle;
import java.time.Instant;

/**
 * A run of steps a live bot decided on late candles, one after the other: stored history caught up after a restart,
 * candles fetched to fill a gap, live ones that came late. Counted by where they came from, with the longest delay,
 * so the bot's events say what it decided on and how late.
 */
final class LateRun {
    private final long first;
    private long last;
    private long count;
    private long history;
    private long backfill;
    private long late;
    private long longestDelay;

    LateRun(long first) {
        this.first = first;
        this.last = first;
    }

    void add(LiveCandle candle) {
        count++;
        last = candle.openTime();
        longestDelay = Math.max(longestDelay, candle.delayMillis());
        switch (candle.source()) {
            case HISTORY -> history++;
            case BACKFILL -> backfill++;
            case LIVE -> late++;
        }
    }

    long last() {
        return last;
    }

    /** The event that closes the run. */
    String summary() {
        return "caught up " + count + (count == 1 ? " candle" : " candles") + " from " + Instant.ofEpochMilli(first)
                + " to " + Instant.ofEpochMilli(last) + " (" + history + " from stored history, " + backfill
                + " fetched from the venue, " + late + " late from the stream; up to " + longestDelay / 1000
                + " s after their close): the decisions on them were made late";
    }

    /** The event that opens a run, at its first candle. */
    static String opened(LiveCandle candle) {
        String where = switch (candle.source()) {
            case HISTORY -> "stored history caught up";
            case BACKFILL -> "fetched from the venue to fill a gap";
            case LIVE -> "late from the stream";
        };
        return "deciding on late candles from " + Instant.ofEpochMilli(candle.openTime()) + " (" + where + ", "
                + candle.delayMillis() / 1000 + " s after its close)";
    }
}
