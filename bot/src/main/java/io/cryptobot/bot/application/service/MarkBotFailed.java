package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.application.port.out.PublishBotAlarmPort;
import io.cryptobot.bot.domain.event.BotAlarmRaised;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.kernel.domain.Clock;
import jakarta.enterprise.context.ApplicationScoped;

/** Stores a live bot as failed, with the reason (cut to what the store keeps) in its events. */
@ApplicationScoped
class MarkBotFailed {
    private final BotStorePort store;
    private final Clock clock;
    private final PublishBotAlarmPort alarms;

    MarkBotFailed(BotStorePort store, Clock clock, PublishBotAlarmPort alarms) {
        this.store = store;
        this.alarms = alarms;
        this.clock = clock;
    }

    void markFailed(Bot bot, String reason) {
        String stored = reason.length() > 2_000 ? reason.substring(0, 2_000) + "..." : reason;
        java.time.Instant now = clock.now();
        bot.fail(stored, now).forEach(failed -> {
            BotControl entry = new BotControl(BotControl.Kind.FAILED, bot.lastStep().getOrElse(Long.MIN_VALUE), stored,
                    now);
            if (store.update(failed, bot.status(), entry)) {
                BotAlarmRaised.of(bot.owner(), bot.id().value(), bot.name(), entry, "").forEach(alarms::publish);
            }
        });
    }
}
