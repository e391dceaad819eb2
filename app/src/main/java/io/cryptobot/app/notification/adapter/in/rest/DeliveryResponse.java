package io.cryptobot.app.notification.adapter.in.rest;

import io.cryptobot.app.notification.domain.Delivery;
import java.time.Instant;

/** One entry of an endpoint's delivery log. */
public record DeliveryResponse(String id, long seq, String kind, String title, String status, int attempts,
                               Integer lastStatusCode, String lastError, Instant occurredAt, Instant createdAt,
                               Instant nextAttemptAt, Instant finishedAt) {
    static DeliveryResponse of(Delivery d) {
        return new DeliveryResponse(d.id().toString(), d.seq(), d.notification().kind().code(),
                d.notification().title(), d.status().code(), d.attempts(), d.lastStatusCode().getOrNull(),
                d.lastError().getOrNull(), d.notification().occurredAt(), d.createdAt(), d.nextAttemptAt(),
                d.finishedAt().getOrNull());
    }
}
