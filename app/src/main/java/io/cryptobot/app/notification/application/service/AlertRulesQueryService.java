package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.AlertRulesQuery;
import io.cryptobot.app.notification.application.port.out.AlertRuleStorePort;
import io.cryptobot.app.notification.domain.AlertRule;
import io.cryptobot.app.notification.domain.AlertRuleId;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class AlertRulesQueryService implements AlertRulesQuery {
    private final AlertRuleStorePort store;

    AlertRulesQueryService(AlertRuleStorePort store) {
        this.store = store;
    }

    @Override
    public Page<RuleState> list(UserId owner, PageRequest page) {
        Page<AlertRule> rules = store.list(owner, page);
        return new Page<>(rules.items().stream().map(this::state).toList(), rules.offset(), rules.limit(),
                rules.total());
    }

    @Override
    public Either<DomainError, RuleState> get(UserId owner, AlertRuleId id) {
        return store.load(owner, id).toEither(NotificationErrors::alertNotFound).map(this::state);
    }

    private RuleState state(AlertRule rule) {
        return new RuleState(rule, store.breachedBots(rule.id()));
    }
}
