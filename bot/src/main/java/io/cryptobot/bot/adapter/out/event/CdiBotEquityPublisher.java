package io.cryptobot.bot.adapter.out.event;

import io.cryptobot.bot.application.port.out.PublishBotEquityPort;
import io.cryptobot.bot.domain.event.BotEquitySampled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Publishes stored equity samples as synchronous CDI events; an observer's failure is logged, never passed back. */
@ApplicationScoped
class CdiBotEquityPublisher implements PublishBotEquityPort {
    private static final Logger LOG = Logger.getLogger(CdiBotEquityPublisher.class.getName());
    private final Event<BotEquitySampled> events;

    CdiBotEquityPublisher(Event<BotEquitySampled> events) {
        this.events = events;
    }

    @Override
    public void publish(BotEquitySampled sampled) {
        try {
            events.fire(sampled);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an observer of equity samples failed for bot " + sampled.botId(), e);
        }
    }
}
