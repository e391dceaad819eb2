package io.cryptobot.app.notification.domain;

import io.vavr.control.Option;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/** An owner's change of an endpoint: each field none when kept. */
public record EndpointChange(Option<String> name, Option<URI> url, Option<Set<EventKind>> events,
                             Option<Boolean> enabled) {
    public EndpointChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(enabled, "enabled");
        events = events.map(Set::copyOf);
    }
}
