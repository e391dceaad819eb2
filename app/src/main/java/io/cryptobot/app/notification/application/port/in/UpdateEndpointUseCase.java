package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.Endpoint;
import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;

public interface UpdateEndpointUseCase {
    Either<DomainError, Endpoint> update(UpdateEndpointCommand command);
}
