package io.cryptobot.app.notification.adapter.in.rest;

import io.cryptobot.app.notification.application.port.in.AlertRulesQuery.RuleState;
import io.cryptobot.app.notification.domain.AlertRule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An alert rule with the bots it sees beyond its threshold now ({@code breachedBots}). */
public record AlertRuleResponse(String id, String name, String kind, String threshold, String unit, String botId,
                                boolean enabled, List<String> breachedBots, Instant createdAt, Instant updatedAt) {
    static AlertRuleResponse of(RuleState state) {
        AlertRule r = state.rule();
        return new AlertRuleResponse(r.id().toString(), r.name(), r.condition().code(),
                r.condition().threshold().toPlainString(), r.condition().unit(), r.botId().map(UUID::toString)
                .getOrNull(), r.enabled(), state.breachedBots().stream().map(UUID::toString).toList(), r.createdAt(),
                r.updatedAt());
    }
}
