package io.cryptobot.app.notification.domain;

import io.vavr.control.Option;
import io.vavr.control.Try;
import java.util.Objects;
import java.util.UUID;

public record EndpointId(UUID value) {
    public EndpointId {
        Objects.requireNonNull(value, "value");
    }

    public static Option<EndpointId> parse(String text) {
        return Try.of(() -> UUID.fromString(text.strip())).toOption().map(EndpointId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
