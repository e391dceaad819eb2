package io.cryptobot.bot.domain.bot;

/**
 * Where a paper bot's closed candles come from: stored candles of its instrument and timeframe opening in
 * [from, to) (epoch ms), replayed at {@code speed} times real time. Live venue feeds come later.
 */
public record ReplayFeedSpec(long from, long to, long speed) {
    public ReplayFeedSpec {
        if (from >= to) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (speed < 1) {
            throw new IllegalArgumentException("speed must be positive");
        }
    }
}
