package io.cryptobot.kernel.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The identity and time of one event, taken from the {@link IdGenerator} and {@link Clock} ports. */
public record EventMeta(UUID eventId, Instant occurredAt) {
    public EventMeta {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static EventMeta next(IdGenerator ids, Clock clock) {
        return new EventMeta(ids.next(), clock.now());
    }
}
