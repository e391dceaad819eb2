package io.cryptobot.app.notification.domain;

import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An owner's alert rule: a condition watched on one of their bots ({@code botId}) or on each of them separately
 * (none). A breach fires one {@code alert.triggered} notification; the rule re-arms for that bot once the bot is
 * back within the threshold (see {@link AlertWatch}). A disabled rule watches nothing.
 */
public record AlertRule(AlertRuleId id, UserId owner, String name, AlertCondition condition, Option<UUID> botId,
                        boolean enabled, Instant createdAt, Instant updatedAt) {
    public AlertRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean watches(UUID bot) {
        return enabled && botId.map(bot::equals).getOrElse(true);
    }

    /** The owner's change: each part kept when none. A changed condition starts the rule's watches afresh. */
    public AlertRule changed(Option<String> newName, Option<AlertCondition> newCondition, Option<Boolean> newEnabled,
                             Instant now) {
        return new AlertRule(id, owner, newName.getOrElse(name), newCondition.getOrElse(condition), botId,
                newEnabled.getOrElse(enabled), createdAt, now);
    }
}
