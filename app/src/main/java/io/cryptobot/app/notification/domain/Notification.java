package io.cryptobot.app.notification.domain;

import io.cryptobot.kernel.domain.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something to tell an owner: its kind, a key that names the underlying event ({@code fill:<order>:<trade>}, the
 * event's id), so that an event recorded twice (a rebuilt session records its steps again) is queued once per
 * endpoint, a one-line title, a text, and the facts as strings.
 */
public record Notification(UserId owner, EventKind kind, String key, Instant occurredAt, String title, String text,
                           Map<String, String> data) {
    public Notification {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
