package io.cryptobot.app.notification.adapter.in.rest;

import java.util.List;

/** A new endpoint; {@link #toString()} masks the bot token. */
public record CreateEndpointRequest(String name, String format, String url, List<String> events, String botToken,
                                    String chatId) {
    @Override
    public String toString() {
        return "CreateEndpointRequest[name=" + name + ", format=" + format + ", events=" + events
                + (botToken != null ? ", botToken=****" : "") + "]";
    }
}
