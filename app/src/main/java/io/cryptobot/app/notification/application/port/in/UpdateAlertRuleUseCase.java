package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.AlertRule;
import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;

/** Changes a rule of the caller; a changed threshold starts its watches afresh (the next breach fires). */
public interface UpdateAlertRuleUseCase {
    Either<DomainError, AlertRule> update(UpdateAlertRuleCommand command);
}
