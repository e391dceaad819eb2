package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/** Removes an endpoint with its queued deliveries and log. */
public interface DeleteEndpointUseCase {
    Either<DomainError, EndpointId> delete(UserId owner, EndpointId id);
}
