package io.cryptobot.app.notification.adapter.in.rest;

import java.util.List;

/** What to change; omitted fields are kept. {@code enabled: true} enables the endpoint again after failures. */
public record UpdateEndpointRequest(String name, String url, List<String> events, Boolean enabled) {
}
