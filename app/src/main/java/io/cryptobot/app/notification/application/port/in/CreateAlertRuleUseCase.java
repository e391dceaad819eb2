package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.AlertRule;
import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;

public interface CreateAlertRuleUseCase {
    Either<DomainError, AlertRule> create(CreateAlertRuleCommand command);
}
