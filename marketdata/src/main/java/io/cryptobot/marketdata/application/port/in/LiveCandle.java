package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import java.util.Objects;

/**
 * A closed candle as a live feed passes it on. {@code late}: it reached the subscriber more than the feed's
 * tolerance after it closed (always so for candles fetched to fill a gap and for history replayed to a subscriber
 * catching up), so whoever decides on it can say it decided on a late candle. {@code delayMillis}: from its close
 * (venue time) to the moment it was passed on, at least zero. {@code receivedNanos}: {@link System#nanoTime} when
 * the platform received the closed candle from the venue's stream (for a candle fetched or replayed: when the feed
 * passed it on), the start of the in-process latency the benchmarks measure (docs/benchmarks.md).
 */
public record LiveCandle(InstrumentId instrument, Timeframe timeframe, Candle candle, Source source, boolean late,
                         long delayMillis, long receivedNanos) {

    /** A candle received now. */
    public LiveCandle(InstrumentId instrument, Timeframe timeframe, Candle candle, Source source, boolean late,
                      long delayMillis) {
        this(instrument, timeframe, candle, source, late, delayMillis, System.nanoTime());
    }

    /** Where the candle came from. */
    public enum Source {
        /** The venue's stream. */
        LIVE,
        /** Fetched from the venue to fill a gap (a reconnection, a candle the stream skipped). */
        BACKFILL,
        /** Stored history replayed to a subscriber that asked to start before the feed's latest candle. */
        HISTORY
    }

    public LiveCandle {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(candle, "candle");
        Objects.requireNonNull(source, "source");
    }

    public long openTime() {
        return candle.openTime();
    }
}
