package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.Notification;

/**
 * Queues a notification for the owner's endpoints that want it, durably, on the caller's thread; sending happens
 * elsewhere. Answers how many endpoints it was queued for (0 without a database write when none wants it).
 */
public interface RecordNotificationUseCase {
    int record(Notification notification);
}
