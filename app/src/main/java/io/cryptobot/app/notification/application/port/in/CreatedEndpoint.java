package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.Endpoint;

/** A new endpoint with its signing secret: the only time the secret is ever handed out. */
public record CreatedEndpoint(Endpoint endpoint, String signingSecret) {
    @Override
    public String toString() {
        return "CreatedEndpoint[" + endpoint.id() + ", secret=****]";
    }
}
