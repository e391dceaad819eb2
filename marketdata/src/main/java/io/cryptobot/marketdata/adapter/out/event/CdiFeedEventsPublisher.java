package io.cryptobot.marketdata.adapter.out.event;

import io.cryptobot.marketdata.application.port.out.PublishFeedEventsPort;
import io.cryptobot.marketdata.domain.event.LiveFeedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Publishes live feed events as synchronous CDI events, on the feed's thread: an observer (a bot that stops opening
 * positions on a stale feed) has acted before the feed passes on its next candle. One instance.
 */
@ApplicationScoped
class CdiFeedEventsPublisher implements PublishFeedEventsPort {
    private final Event<LiveFeedEvent> events;

    CdiFeedEventsPublisher(Event<LiveFeedEvent> events) {
        this.events = events;
    }

    @Override
    public void publish(LiveFeedEvent event) {
        events.fire(event);
    }
}
