package io.cryptobot.app.notification.application.port.out;

import io.cryptobot.app.notification.domain.AttemptOutcome;
import io.cryptobot.app.notification.domain.Delivery;
import io.cryptobot.app.notification.domain.Endpoint;
import io.vavr.control.Option;

/**
 * One attempt to deliver, bounded in time: written in the endpoint's format, signed with its secret, with the
 * delivery id in a header. Never throws for the receiver's failures: they are outcomes.
 */
public interface SendNotificationPort {
    AttemptOutcome send(Endpoint endpoint, String signingSecret, Option<String> botToken, Delivery delivery);
}
