package io.cryptobot.app.notification;

import io.cryptobot.app.notification.application.port.in.RecordNotificationUseCase;
import io.cryptobot.app.notification.domain.Notification;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

/**
 * The crash window, for tests: while {@link #dying} is set, every attempt to queue a notification fails as if the
 * process had died right after the source's commit and before the outbox's. Unset, it passes everything through.
 */
@Decorator
@Priority(20)
abstract class DyingOutbox implements RecordNotificationUseCase {
    static volatile boolean dying;
    @Inject
    @Delegate
    @Any
    RecordNotificationUseCase outbox;

    @Override
    public int record(Notification notification) {
        if (dying) {
            throw new IllegalStateException("the process died before the outbox committed");
        }
        return outbox.record(notification);
    }
}
