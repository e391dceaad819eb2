package io.cryptobot.risk.adapter.out.event;

import io.cryptobot.risk.application.port.out.PublishTradingStatePort;
import io.cryptobot.risk.domain.event.UserTradingStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Publishes kill-switch changes as synchronous CDI events: the observers (the bots) have canceled orders and
 * paused bots by the time the halt request is answered. One instance; a Redis fan-out comes with scale-out.
 */
@ApplicationScoped
class CdiTradingStatePublisher implements PublishTradingStatePort {
    private final Event<UserTradingStateChanged> events;

    CdiTradingStatePublisher(Event<UserTradingStateChanged> events) {
        this.events = events;
    }

    @Override
    public void publish(UserTradingStateChanged changed) {
        events.fire(changed);
    }
}
