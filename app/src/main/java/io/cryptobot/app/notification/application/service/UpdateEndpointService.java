package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.UpdateEndpointCommand;
import io.cryptobot.app.notification.application.port.in.UpdateEndpointUseCase;
import io.cryptobot.app.notification.application.port.out.EndpointStorePort;
import io.cryptobot.app.notification.application.port.out.WakeDeliveriesPort;
import io.cryptobot.app.notification.domain.Endpoint;
import io.cryptobot.app.notification.domain.Format;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Changes an endpoint of the caller; enabling it again resets its failures and sends what waited for it. */
@ApplicationScoped
class UpdateEndpointService implements UpdateEndpointUseCase {
    private final EndpointStorePort store;
    private final Targets targets;
    private final WakeDeliveriesPort worker;
    private final Clock clock;

    UpdateEndpointService(EndpointStorePort store, Targets targets, WakeDeliveriesPort worker, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.worker = worker;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, Endpoint> update(UpdateEndpointCommand command) {
        return store.load(command.owner(), command.id()).toEither(NotificationErrors::notFound).flatMap(current -> {
            if (command.change().url().isDefined()) {
                if (current.format() == Format.TELEGRAM) {
                    return Either.left(NotificationErrors.invalid(List.of(new Violation("url",
                            "a Telegram endpoint has no URL"))));
                }
                Either<DomainError, ?> allowed = targets.allowed(current.format(), command.change().url().get());
                if (allowed.isLeft()) {
                    return Either.left(allowed.getLeft());
                }
            }
            Endpoint changed = current.changedByOwner(command.change(), clock.now());
            store.update(changed);
            if (changed.enabled()) {
                worker.wake(List.of(changed.id()));
            }
            return Either.right(changed);
        });
    }
}
