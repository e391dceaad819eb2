package io.cryptobot.kernel.domain;

import java.time.Instant;
import java.util.UUID;

/** Something that happened, named in the past tense; immutable, identified, and time-stamped by the {@link Clock}. */
public interface DomainEvent {
    UUID eventId();

    Instant occurredAt();
}
