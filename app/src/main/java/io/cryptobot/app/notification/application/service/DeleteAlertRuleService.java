package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.DeleteAlertRuleUseCase;
import io.cryptobot.app.notification.application.port.out.AlertRuleStorePort;
import io.cryptobot.app.notification.domain.AlertRuleId;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class DeleteAlertRuleService implements DeleteAlertRuleUseCase {
    private final AlertRuleStorePort store;

    DeleteAlertRuleService(AlertRuleStorePort store) {
        this.store = store;
    }

    @Override
    public Either<DomainError, AlertRuleId> delete(UserId owner, AlertRuleId id) {
        return store.delete(owner, id) ? Either.right(id) : Either.left(NotificationErrors.alertNotFound());
    }
}
