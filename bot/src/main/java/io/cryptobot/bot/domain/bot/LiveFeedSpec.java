package io.cryptobot.bot.domain.bot;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * A venue's live candles of the bot's instrument and timeframe, closed ones only, as they close; it never ends. The
 * bot trades from the first candle that closes after it started ({@code start}, its open time): unknown until that
 * candle comes, then fixed for good, so a session rebuilt after a restart warms up before the same candle and
 * replays from it. The candles before it warm the strategy up (the last ones the feed and the store hold).
 */
public record LiveFeedSpec(Option<Long> start) implements FeedSpec {
    public static final String KIND = "live";

    public LiveFeedSpec {
        Objects.requireNonNull(start, "start");
    }

    /** A live feed whose first candle to trade on has not come yet. */
    public static LiveFeedSpec fromNextCandle() {
        return new LiveFeedSpec(Option.none());
    }

    /** This feed trading from the candle opening at {@code time}; refused once its start is fixed. */
    public LiveFeedSpec startingAt(long time) {
        if (start.isDefined()) {
            throw new IllegalStateException("the live feed started at " + start.get() + " already");
        }
        return new LiveFeedSpec(Option.some(time));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Option<Long> tradingStart() {
        return start;
    }
}
