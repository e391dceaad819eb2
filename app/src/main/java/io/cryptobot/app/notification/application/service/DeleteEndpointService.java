package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.DeleteEndpointUseCase;
import io.cryptobot.app.notification.application.port.out.EndpointStorePort;
import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class DeleteEndpointService implements DeleteEndpointUseCase {
    private final EndpointStorePort store;

    DeleteEndpointService(EndpointStorePort store) {
        this.store = store;
    }

    @Override
    public Either<DomainError, EndpointId> delete(UserId owner, EndpointId id) {
        return store.delete(owner, id) ? Either.right(id) : Either.left(NotificationErrors.notFound());
    }
}
