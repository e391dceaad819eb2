package io.cryptobot.app.notification.domain;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One notification queued for one endpoint: its id is the delivery id the receiver dedupes on (the same on every
 * attempt); {@code seq} orders an endpoint's deliveries. Attempts, the last answer and when the next attempt is due
 * are recorded as they happen.
 */
public record Delivery(UUID id, long seq, EndpointId endpointId, Notification notification, DeliveryStatus status,
                       int attempts, Instant nextAttemptAt, Option<Integer> lastStatusCode, Option<String> lastError,
                       Instant createdAt, Option<Instant> finishedAt) {
    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastStatusCode, "lastStatusCode");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
