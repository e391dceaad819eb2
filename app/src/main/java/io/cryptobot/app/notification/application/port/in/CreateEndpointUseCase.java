package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;

public interface CreateEndpointUseCase {
    Either<DomainError, CreatedEndpoint> create(CreateEndpointCommand command);
}
