package io.cryptobot.bot.adapter.out.event;

import io.cryptobot.bot.application.port.out.PublishBotAlarmPort;
import io.cryptobot.bot.domain.event.BotAlarmRaised;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes bot alarms as synchronous CDI events on the caller's thread. An observer's failure is logged, never
 * passed back: the bot's own course does not depend on who listens.
 */
@ApplicationScoped
class CdiBotAlarmPublisher implements PublishBotAlarmPort {
    private static final Logger LOG = Logger.getLogger(CdiBotAlarmPublisher.class.getName());
    private final Event<BotAlarmRaised> events;

    CdiBotAlarmPublisher(Event<BotAlarmRaised> events) {
        this.events = events;
    }

    @Override
    public void publish(BotAlarmRaised alarm) {
        try {
            events.fire(alarm);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an observer of bot alarms failed for bot " + alarm.botId(), e);
        }
    }
}
