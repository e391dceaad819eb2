package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.CreateEndpointCommand;
import io.cryptobot.app.notification.application.port.in.CreateEndpointUseCase;
import io.cryptobot.app.notification.application.port.in.CreatedEndpoint;
import io.cryptobot.app.notification.application.port.in.NotificationSettings;
import io.cryptobot.app.notification.application.port.out.EndpointStorePort;
import io.cryptobot.app.notification.application.port.out.GenerateSecretPort;
import io.cryptobot.app.notification.application.port.out.SecretSealPort;
import io.cryptobot.app.notification.domain.Endpoint;
import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.OwnerLocks;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Creates an endpoint after its URL passed the target rules ({@link Targets}); the signing secret is made here,
 * sealed for the store and handed back once.
 */
@ApplicationScoped
class CreateEndpointService implements CreateEndpointUseCase {
    private final EndpointStorePort store;
    private final SecretSealPort sealer;
    private final GenerateSecretPort secrets;
    private final Targets targets;
    private final NotificationSettings settings;
    private final OwnerLocks locks;
    private final Clock clock;

    CreateEndpointService(EndpointStorePort store, SecretSealPort sealer, GenerateSecretPort secrets, Targets targets,
                          NotificationSettings settings, OwnerLocks locks, Clock clock) {
        this.locks = locks;
        this.store = store;
        this.sealer = sealer;
        this.secrets = secrets;
        this.targets = targets;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, CreatedEndpoint> create(CreateEndpointCommand command) {
        Either<DomainError, ?> allowed = command.spec().url().isEmpty() ? Either.right(command)
                : targets.allowed(command.spec().format(), command.spec().url().get());
        if (allowed.isLeft()) {
            return Either.left(allowed.getLeft());
        }
        return locks.serialized(command.owner(), () -> {
            if (store.count(command.owner()) >= settings.maxEndpointsPerUser()) {
                return Either.<DomainError, CreatedEndpoint>left(
                        NotificationErrors.tooMany(settings.maxEndpointsPerUser()));
            }
            String secret = secrets.newSigningSecret();
            Endpoint endpoint = Endpoint.newEndpoint(new EndpointId(UUID.randomUUID()), command.owner(),
                    command.spec(), clock.now());
            store.insert(endpoint, sealer.seal(secret), command.spec().telegramBotToken().map(sealer::seal));
            return Either.<DomainError, CreatedEndpoint>right(new CreatedEndpoint(endpoint, secret));
        });
    }
}
