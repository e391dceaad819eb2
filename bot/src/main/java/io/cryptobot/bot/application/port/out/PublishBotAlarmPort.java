package io.cryptobot.bot.application.port.out;

import io.cryptobot.bot.domain.event.BotAlarmRaised;

/** Tells whoever listens (notifications) that a bot failed or its feed went stale; must not block for long. */
public interface PublishBotAlarmPort {
    void publish(BotAlarmRaised alarm);
}
