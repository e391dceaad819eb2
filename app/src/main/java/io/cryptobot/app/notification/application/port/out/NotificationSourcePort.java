package io.cryptobot.app.notification.application.port.out;

import io.cryptobot.app.notification.domain.Notification;
import java.util.List;

/**
 * A durable record of events that cause notifications (the order journal's fills, its refused orders), read by
 * position: what the catch-up queues again after a crash between the source's commit and the outbox's. The
 * notifications must carry the keys the live path gives them, so queuing one twice queues it once.
 */
public interface NotificationSourcePort {
    /** A stable name: the key of the source's cursor. */
    String name();

    /** The newest position now (0 when the source is empty). */
    long head();

    /** The notifications of the events after {@code after} and at most at {@code through}, oldest first. */
    Batch after(long after, long through, int limit);

    /**
     * {@code read}: how many events were read (a full batch means there may be more); {@code last}: the position of
     * the last one read ({@code after} when none).
     */
    record Batch(List<Notification> notifications, int read, long last) {
        public Batch {
            notifications = List.copyOf(notifications);
        }
    }
}
