package io.cryptobot.bot.domain.bot;

import io.vavr.control.Option;

/**
 * A replay feed: stored candles of the bot's instrument and timeframe opening in [from, to) (epoch ms), replayed at
 * {@code speed} times real time; it ends with its last candle (the bot completes).
 */
public record ReplayFeedSpec(long from, long to, long speed) implements FeedSpec {
    public static final String KIND = "replay";

    public ReplayFeedSpec {
        if (from >= to) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (speed < 1) {
            throw new IllegalArgumentException("speed must be positive");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Option<Long> tradingStart() {
        return Option.some(from);
    }
}
