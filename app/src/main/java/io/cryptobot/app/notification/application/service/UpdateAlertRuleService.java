package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.UpdateAlertRuleCommand;
import io.cryptobot.app.notification.application.port.in.UpdateAlertRuleUseCase;
import io.cryptobot.app.notification.application.port.out.AlertRuleStorePort;
import io.cryptobot.app.notification.domain.AlertRule;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class UpdateAlertRuleService implements UpdateAlertRuleUseCase {
    private final AlertRuleStorePort store;
    private final Clock clock;

    UpdateAlertRuleService(AlertRuleStorePort store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, AlertRule> update(UpdateAlertRuleCommand command) {
        return store.load(command.owner(), command.id()).toEither(NotificationErrors::alertNotFound)
                .flatMap(current -> command.conditionOf(current.condition()).map(condition -> {
                    AlertRule changed = current.changed(command.name(), Option.some(condition), command.enabled(),
                            clock.now());
                    store.update(changed, !condition.equals(current.condition()));
                    return changed;
                }));
    }
}
