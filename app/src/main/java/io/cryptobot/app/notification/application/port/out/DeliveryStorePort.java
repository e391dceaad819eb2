package io.cryptobot.app.notification.application.port.out;

import io.cryptobot.app.notification.domain.AttemptOutcome;
import io.cryptobot.app.notification.domain.Delivery;
import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import java.time.Instant;
import java.util.List;

/**
 * The outbox: one row per notification and endpoint, written (committed) on the publisher's thread before anything
 * is sent, so a restart loses nothing queued; deliveries per endpoint are taken in {@code seq} order.
 */
public interface DeliveryStorePort {
    /** Queues {@code notification} for each endpoint; one already queued under the same key is kept. */
    int enqueue(List<EndpointId> endpoints, Notification notification, Instant now);

    /** The endpoint's oldest pending deliveries, oldest first, at most {@code limit}. */
    List<Delivery> pending(EndpointId endpoint, int limit);

    /** Attempts answered 2xx, recorded together (one commit). */
    void delivered(List<Sent> sent);

    /** A delivery the receiver accepted ({@code at}: when it answered). */
    record Sent(Delivery delivery, AttemptOutcome.Delivered outcome, Instant at) {
    }

    /** Another attempt is due at {@code next}. */
    void retry(Delivery delivery, AttemptOutcome outcome, Instant next, Instant now);

    /** Given up: the receiver refused it for good. */
    void failed(Delivery delivery, AttemptOutcome outcome, Instant now);

    Page<Delivery> list(EndpointId endpoint, PageRequest page);

    /** Enabled endpoints with a pending delivery due by {@code now}: what a restart or a timer picks up. */
    List<EndpointId> due(Instant now);
}
