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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Attempts at an endpoint's oldest pending deliveries, in order; later ones wait for an earlier one (order per
 * endpoint). Up to {@link #BATCH} pending rows are read at once, the endpoint and its secrets once for them.
 * Delivered: recorded together when the batch ends, fails or is {@link #FLUSH_AFTER} old (one commit for many;
 * a crash before it sends those again, with the same delivery ids: at least once), the failures reset. Worth
 * another attempt: the same delivery again after the backoff. Refused for good (a 4xx, a target no longer
 * allowed): recorded as failed and the next one goes. Either failure counts towards disabling the endpoint; a
 * disabled endpoint keeps its pending deliveries for when its owner enables it again.
 */
@ApplicationScoped
class DeliverNextService implements DeliverNextUseCase {
    static final int BATCH = 32;
    static final Duration FLUSH_AFTER = Duration.ofSeconds(1);
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
        List<Delivery> pending = outbox.pending(id, BATCH);
        if (pending.isEmpty()) {
            return new Step.Idle();
        }
        Endpoint endpoint = found.get().endpoint();
        String secret = sealer.open(found.get().sealedSecret());
        Option<String> botToken = found.get().sealedBotToken().map(sealer::open);
        List<DeliveryStorePort.Sent> delivered = new ArrayList<>(pending.size());
        Instant flushAt = null;
        try {
            for (Delivery delivery : pending) {
                Instant now = clock.now();
                if (delivery.nextAttemptAt().isAfter(now)) {
                    return new Step.WaitUntil(delivery.nextAttemptAt());
                }
                AttemptOutcome outcome = attempt(endpoint, secret, botToken, delivery);
                Instant after = clock.now();
                switch (outcome) {
                    case AttemptOutcome.Delivered ok -> {
                        delivered.add(new DeliveryStorePort.Sent(delivery, ok, after));
                        Endpoint updated = endpoint.delivered(after);
                        if (updated != endpoint) {
                            flush(delivered);
                            endpoints.update(updated);
                            endpoint = updated;
                        }
                        if (flushAt == null) {
                            flushAt = after.plus(FLUSH_AFTER);
                        } else if (!after.isBefore(flushAt)) {
                            flush(delivered);
                            flushAt = null;
                        }
                    }
                    case AttemptOutcome.Retryable retry -> {
                        flush(delivered);
                        Instant at = after.plus(settings.backoff().after(delivery.attempts() + 1,
                                ThreadLocalRandom.current().nextDouble()));
                        outbox.retry(delivery, retry, at, after);
                        failed(endpoint, retry, after);
                        return new Step.WaitUntil(at);
                    }
                    case AttemptOutcome.Refused refused -> {
                        flush(delivered);
                        outbox.failed(delivery, refused, after);
                        failed(endpoint, refused, after);
                        // the endpoint may be disabled now: the next call looks again
                        return new Step.Continue();
                    }
                }
            }
            return new Step.Continue();
        } finally {
            flush(delivered);
        }
    }

    private void flush(List<DeliveryStorePort.Sent> delivered) {
        if (!delivered.isEmpty()) {
            outbox.delivered(delivered);
            delivered.clear();
        }
    }

    private AttemptOutcome attempt(Endpoint target, String secret, Option<String> botToken, Delivery delivery) {
        if (target.url().isDefined()) {
            Either<DomainError, ?> allowed = targets.allowed(target.format(), target.url().get());
            if (allowed.isLeft()) {
                return new AttemptOutcome.Refused(Option.none(), allowed.getLeft().detail());
            }
        }
        return sender.send(target, secret, botToken, delivery);
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
