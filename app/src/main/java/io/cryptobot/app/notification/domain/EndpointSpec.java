package io.cryptobot.app.notification.domain;

import io.vavr.control.Option;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/** What an owner asks for when creating an endpoint, already checked (see {@code CreateEndpointCommand}). */
public record EndpointSpec(String name, Format format, Option<URI> url, Option<String> telegramChatId,
                           Option<String> telegramBotToken, Set<EventKind> events) {
    public EndpointSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(telegramChatId, "telegramChatId");
        Objects.requireNonNull(telegramBotToken, "telegramBotToken");
        events = Set.copyOf(events);
    }

    @Override
    public String toString() {
        return "EndpointSpec[name=" + name + ", format=" + format + ", url=" + url + ", events=" + events
                + (telegramBotToken.isDefined() ? ", botToken=****" : "") + "]";
    }
}
