package io.cryptobot.bot.domain.bot;

import java.util.Locale;

/**
 * Where a bot is in its life. {@code running} and {@code paused} are live: the bot's session follows its feed
 * (paused: the strategy still sees every candle, so its indicators stay current, and open orders keep working,
 * but new intents are not placed). {@code stopped}, {@code completed} (the feed ended) and {@code failed} are
 * final.
 */
public enum BotStatus {
    CREATED,
    RUNNING,
    PAUSED,
    STOPPED,
    COMPLETED,
    FAILED;

    public boolean isLive() {
        return this == RUNNING || this == PAUSED;
    }

    public boolean isFinal() {
        return this == STOPPED || this == COMPLETED || this == FAILED;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
