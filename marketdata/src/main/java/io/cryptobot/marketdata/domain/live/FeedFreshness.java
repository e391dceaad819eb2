package io.cryptobot.marketdata.domain.live;

import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Whether a live feed is fresh: it goes stale when no closed candle has been passed on for two intervals, that is
 * when the venue's clock is more than two intervals past the close of the last candle (or past the feed's start,
 * before any candle), and is fresh again with the next candle. All times are the venue's, in epoch milliseconds.
 */
public final class FeedFreshness {
    /** How many intervals without a candle make a feed stale. */
    public static final int STALE_AFTER_INTERVALS = 2;
    private final Timeframe timeframe;
    private long reference;
    private long lastOpenTime = Long.MIN_VALUE;
    private long staleSince = Long.MIN_VALUE;

    /** A change of freshness, with the last candle passed on (if any) and how long the feed was silent or stale. */
    public record Change(boolean fresh, Option<Long> lastOpenTime, long millis) {
        public Change {
            Objects.requireNonNull(lastOpenTime, "lastOpenTime");
        }
    }

    public FeedFreshness(Timeframe timeframe, long startedAt) {
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.reference = startedAt;
    }

    /** A candle was passed on at {@code venueNow}: a stale feed is fresh again. */
    public Option<Change> delivered(long openTime, long venueNow) {
        lastOpenTime = Math.max(lastOpenTime, openTime);
        reference = Math.max(reference, timeframe.next(lastOpenTime));
        if (staleSince == Long.MIN_VALUE) {
            return Option.none();
        }
        long staleFor = Math.max(0, venueNow - staleSince);
        staleSince = Long.MIN_VALUE;
        return Option.some(new Change(true, lastOpen(), staleFor));
    }

    /** Looks at the venue's clock: a fresh feed silent for more than two intervals goes stale. */
    public Option<Change> check(long venueNow) {
        long silent = venueNow - reference;
        if (staleSince != Long.MIN_VALUE || silent <= STALE_AFTER_INTERVALS * timeframe.nominalLength().toMillis()) {
            return Option.none();
        }
        staleSince = venueNow;
        return Option.some(new Change(false, lastOpen(), silent));
    }

    public boolean fresh() {
        return staleSince == Long.MIN_VALUE;
    }

    /** Since when (venue time) the feed has been stale, if it is. */
    public Option<Long> staleSince() {
        return fresh() ? Option.none() : Option.some(staleSince);
    }

    private Option<Long> lastOpen() {
        return lastOpenTime == Long.MIN_VALUE ? Option.none() : Option.some(lastOpenTime);
    }
}
