package io.cryptobot.app.notification.domain;

import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A user's webhook endpoint: where notifications of the kinds it wants go, in which format. Its signing secret
 * (and a Telegram bot token) are not part of it: they are sealed in the store and opened only to sign or send.
 *
 * <p>Lifecycle: enabled on creation; {@link #failed} counts consecutive failed attempts and disables it at the
 * configured maximum (with the reason); a delivered attempt resets the count; the owner may disable it or enable
 * it again ({@link #enabledByOwner}), which also resets the count. A disabled endpoint gets no new notifications;
 * what was queued for it before stays queued and goes out once it is enabled again.
 */
public record Endpoint(EndpointId id, UserId owner, String name, Format format, Option<URI> url,
                       Option<String> telegramChatId, Set<EventKind> events, boolean enabled,
                       int consecutiveFailures, Option<String> disabledReason, Instant createdAt, Instant updatedAt) {
    public Endpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(telegramChatId, "telegramChatId");
        Objects.requireNonNull(disabledReason, "disabledReason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        events = Set.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an endpoint wants at least one kind of event");
        }
        if ((format == Format.TELEGRAM) != telegramChatId.isDefined() || (format == Format.TELEGRAM) == url.isDefined()) {
            throw new IllegalArgumentException("a Telegram endpoint names a chat, every other one a URL");
        }
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("failures cannot be negative");
        }
    }

    public static Endpoint newEndpoint(EndpointId id, UserId owner, EndpointSpec spec, Instant now) {
        return new Endpoint(id, owner, spec.name(), spec.format(), spec.url(), spec.telegramChatId(), spec.events(),
                true, 0, Option.none(), now, now);
    }

    public boolean wants(EventKind kind) {
        return enabled && events.contains(kind);
    }

    /** A delivered attempt: the failure count starts again. */
    public Endpoint delivered(Instant now) {
        return consecutiveFailures == 0 ? this : new Endpoint(id, owner, name, format, url, telegramChatId, events,
                enabled, 0, disabledReason, createdAt, now);
    }

    /** A failed attempt; the {@code maxFailures}-th in a row disables the endpoint, saying why. */
    public Endpoint failed(int maxFailures, String reason, Instant now) {
        int failures = consecutiveFailures + 1;
        boolean disable = enabled && failures >= maxFailures;
        return new Endpoint(id, owner, name, format, url, telegramChatId, events, enabled && !disable, failures,
                disable ? Option.some("disabled after " + failures + " consecutive failed attempts; last: " + reason)
                        : disabledReason, createdAt, now);
    }

    /** The owner's change: new settings and/or enabled; enabling again clears the failures and the reason. */
    public Endpoint changedByOwner(EndpointChange change, Instant now) {
        boolean nowEnabled = change.enabled().getOrElse(enabled);
        boolean reEnabled = nowEnabled && !enabled;
        return new Endpoint(id, owner, change.name().getOrElse(name), format, change.url().isDefined()
                ? change.url() : url, telegramChatId, change.events().getOrElse(events), nowEnabled,
                reEnabled ? 0 : consecutiveFailures,
                nowEnabled ? Option.none() : change.enabled().isDefined() ? Option.some("disabled by its owner")
                        : disabledReason, createdAt, now);
    }

    /** Whether this is the owner enabling it again. */
    public boolean enabledByOwner(EndpointChange change) {
        return !enabled && change.enabled().contains(true);
    }
}
