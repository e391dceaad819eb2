package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.marketdata.domain.event.LiveFeedEvent;

/** Tells the rest of the platform that a live feed went stale or is fresh again. */
public interface PublishFeedEventsPort {
    void publish(LiveFeedEvent event);
}
