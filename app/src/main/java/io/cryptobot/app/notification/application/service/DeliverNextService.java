package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.DeliverNextUseCase;
import io.cryptobot.app.notification.application.port.in.NotificationSettings;
import io.cryptobot.app.notification.application.port.out.DeliveryStorePort;
import io.cryptobot.app.notification.application.port.out.EndpointStorePort;
import io.cryptobot.app.notification.application.port.out.EndpointStorePort.EndpointSecrets;
import io.cryptobot.app.notification.application.port.out.SecretSealPort;
import io.cryptobot.app.notification.application.port.out.SendNotificationPort;
import io.cryptobot.app.notification.domain.AttemptOutcome;
import io.cryptobot.app.notification.domain.Delivery;
import io.cryptobot.app.notification.domain.Endpoint;
import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * One attempt at an endpoint's oldest pending delivery; later ones wait for it (order per endpoint). Delivered:
 * recorded, the failures reset. Worth another attempt: the same delivery again after the backoff. Refused for good
 * (a 4xx, a target no longer allowed): recorded as failed and the next one goes. Either failure counts towards
 * disabling the endpoint; a disabled endpoint keeps its pending deliveries for when its owner enables it again.
 */
@ApplicationScoped
class DeliverNextService implements DeliverNextUseCase {
    private static final Logger LOG = Logger.getLogger(DeliverNextService.class.getName());
    private final EndpointStorePort endpoints;
    private final DeliveryStorePort outbox;
    private final SecretSealPort sealer;
    private final SendNotificationPort sender;
    private final Targets targets;
    private final NotificationSettings settings;
    private final Clock clock;

    DeliverNextService(EndpointStorePort endpoints, DeliveryStorePort outbox, SecretSealPort sealer,
                       SendNotificationPort sender, Targets targets, NotificationSettings settings, Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.sealer = sealer;
        this.sender = sender;
        this.targets = targets;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Step deliverNext(EndpointId id) {
        Option<EndpointSecrets> found = endpoints.loadForDelivery(id);
        if (found.isEmpty() || !found.get().endpoint().enabled()) {
            return new Step.Idle();
        }
        Option<Delivery> next = outbox.next(id);
        if (next.isEmpty()) {
            return new Step.Idle();
        }
        Delivery delivery = next.get();
        Instant now = clock.now();
        if (delivery.nextAttemptAt().isAfter(now)) {
            return new Step.WaitUntil(delivery.nextAttemptAt());
        }
        Endpoint endpoint = found.get().endpoint();
        AttemptOutcome outcome = attempt(found.get(), delivery);
        Instant after = clock.now();
        return switch (outcome) {
            case AttemptOutcome.Delivered delivered -> {
                outbox.delivered(delivery, delivered, after);
                Endpoint updated = endpoint.delivered(after);
                if (updated != endpoint) {
                    endpoints.update(updated);
                }
                yield new Step.Continue();
            }
            case AttemptOutcome.Retryable retry -> {
                Instant at = after.plus(settings.backoff().after(delivery.attempts() + 1,
                        ThreadLocalRandom.current().nextDouble()));
                outbox.retry(delivery, retry, at, after);
                failed(endpoint, retry, after);
                yield new Step.WaitUntil(at);
            }
            case AttemptOutcome.Refused refused -> {
                outbox.failed(delivery, refused, after);
                failed(endpoint, refused, after);
                yield new Step.Continue();
            }
        };
    }

    private AttemptOutcome attempt(EndpointSecrets endpoint, Delivery delivery) {
        Endpoint target = endpoint.endpoint();
        if (target.url().isDefined()) {
            Either<DomainError, ?> allowed = targets.allowed(target.format(), target.url().get());
            if (allowed.isLeft()) {
                return new AttemptOutcome.Refused(Option.none(), allowed.getLeft().detail());
            }
        }
        return sender.send(target, sealer.open(endpoint.sealedSecret()), endpoint.sealedBotToken().map(sealer::open),
                delivery);
    }

    private void failed(Endpoint endpoint, AttemptOutcome outcome, Instant now) {
        Endpoint updated = endpoint.failed(settings.maxConsecutiveFailures(), outcome.summary(), now);
        endpoints.update(updated);
        if (endpoint.enabled() && !updated.enabled()) {
            LOG.warning(() -> "notification endpoint " + endpoint.id() + " of " + endpoint.owner() + " "
                    + updated.disabledReason().getOrElse("disabled"));
        }
    }
}
