package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.RecordNotificationUseCase;
import io.cryptobot.app.notification.application.port.out.DeliveryStorePort;
import io.cryptobot.app.notification.application.port.out.EndpointStorePort;
import io.cryptobot.app.notification.application.port.out.WakeDeliveriesPort;
import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.kernel.domain.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The outbox's entry: the subscribers are found in memory; only when there are some is one row per endpoint
 * committed (on the caller's thread), and the worker woken. Sending never happens here.
 */
@ApplicationScoped
class RecordNotificationService implements RecordNotificationUseCase {
    private final EndpointStorePort endpoints;
    private final DeliveryStorePort outbox;
    private final WakeDeliveriesPort worker;
    private final Clock clock;

    RecordNotificationService(EndpointStorePort endpoints, DeliveryStorePort outbox, WakeDeliveriesPort worker,
                              Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.worker = worker;
        this.clock = clock;
    }

    @Override
    public int record(Notification notification) {
        List<EndpointId> subscribers = endpoints.subscribers(notification.owner(), notification.kind());
        if (subscribers.isEmpty()) {
            return 0;
        }
        int queued = outbox.enqueue(subscribers, notification, clock.now());
        worker.wake(subscribers);
        return queued;
    }
}
