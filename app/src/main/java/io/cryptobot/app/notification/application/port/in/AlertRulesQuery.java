package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.AlertRule;
import io.cryptobot.app.notification.domain.AlertRuleId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import java.util.List;
import java.util.UUID;

/** The caller's alert rules, each with the bots it sees beyond its threshold now; another user's is not found. */
public interface AlertRulesQuery {
    Page<RuleState> list(UserId owner, PageRequest page);

    Either<DomainError, RuleState> get(UserId owner, AlertRuleId id);

    record RuleState(AlertRule rule, List<UUID> breachedBots) {
        public RuleState {
            breachedBots = List.copyOf(breachedBots);
        }
    }
}
