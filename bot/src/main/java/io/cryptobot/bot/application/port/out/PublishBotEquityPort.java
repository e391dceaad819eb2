package io.cryptobot.bot.application.port.out;

import io.cryptobot.bot.domain.event.BotEquitySampled;

/**
 * Hands a bot's stored equity samples to whoever listens (alert rules). Called on the thread that stored them, so
 * a listener must take the samples and return: never evaluate, write or wait there.
 */
public interface PublishBotEquityPort {
    void publish(BotEquitySampled sampled);
}
