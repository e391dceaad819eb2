package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.AlertRuleId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

public interface DeleteAlertRuleUseCase {
    Either<DomainError, AlertRuleId> delete(UserId owner, AlertRuleId id);
}
