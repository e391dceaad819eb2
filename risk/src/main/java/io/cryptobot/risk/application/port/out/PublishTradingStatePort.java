package io.cryptobot.risk.application.port.out;

import io.cryptobot.risk.domain.event.UserTradingStateChanged;

/** Tells the rest of the platform that a user's trading state changed; returns once every listener has acted. */
public interface PublishTradingStatePort {
    void publish(UserTradingStateChanged changed);
}
