package io.cryptobot.app.notification.adapter.in.rest;

import io.cryptobot.app.notification.application.port.in.CreatedEndpoint;

/** The new endpoint and its signing secret, shown this once: store it, it cannot be read again. */
public record CreatedEndpointResponse(EndpointResponse endpoint, String signingSecret) {
    static CreatedEndpointResponse of(CreatedEndpoint created) {
        return new CreatedEndpointResponse(EndpointResponse.of(created.endpoint()), created.signingSecret());
    }

    @Override
    public String toString() {
        return "CreatedEndpointResponse[" + endpoint.id() + ", signingSecret=****]";
    }
}
