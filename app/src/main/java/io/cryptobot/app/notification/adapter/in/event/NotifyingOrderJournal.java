package io.cryptobot.app.notification.adapter.in.event;

import io.cryptobot.app.notification.adapter.out.source.OrderNotifications;
import io.cryptobot.app.notification.application.port.in.RecordNotificationUseCase;
import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderActivity;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.application.port.in.RecordOrderActivityUseCase;
import io.cryptobot.order.application.port.in.RecordOrderActivityUseCase.OwnedActivity;
import io.cryptobot.order.domain.event.OrderEvent;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notifications from the order journal, in the flow that records the activity: once the journal committed a
 * step's orders and fills, its fills and its orders denied (by the pre-trade check) or rejected (by the venue) are
 * queued for the owner's endpoints that want them, on the same thread. Their keys are the fill's order and trade
 * ids and the event's id, so a step recorded again (a rebuilt session) queues nothing twice. Queuing reads memory
 * only when the owner has no such endpoint; a failure to queue is logged and never fails the journal. What a crash
 * (or such a failure) leaves unqueued after the journal committed is queued by the catch-up ({@code CatchUpService}),
 * which reads the journal by position with the same keys.
 */
@Decorator
@Priority(10)
abstract class NotifyingOrderJournal implements RecordOrderActivityUseCase {
    private static final Logger LOG = Logger.getLogger(NotifyingOrderJournal.class.getName());
    @Inject
    @Delegate
    @Any
    RecordOrderActivityUseCase journal;
    @Inject
    RecordNotificationUseCase notifications;

    @Override
    public void record(UserId owner, OrderActivity activity) {
        journal.record(owner, activity);
        notify(owner, activity);
    }

    /** Several owners' activities in one transaction: each owner's notifications once it committed. */
    @Override
    public void recordAll(List<OwnedActivity> activities) {
        journal.recordAll(activities);
        activities.forEach(owned -> notify(owned.owner(), owned.activity()));
    }

    private void notify(UserId owner, OrderActivity activity) {
        try {
            for (OrderActivity.TrackedFill fill : activity.fills()) {
                notifications.record(OrderNotifications.filled(owner, FillView.of(fill)));
            }
            for (OrderActivity.TrackedEvent tracked : activity.events()) {
                if (tracked.event() instanceof OrderEvent.OrderDenied denied) {
                    notifications.record(refused(owner, activity, tracked, EventKind.ORDER_DENIED, denied.eventId(),
                            denied.correlationId().value(), denied.reason(), denied.occurredAt()));
                } else if (tracked.event() instanceof OrderEvent.OrderRejected rejected) {
                    notifications.record(refused(owner, activity, tracked, EventKind.ORDER_REJECTED,
                            rejected.eventId(), rejected.correlationId().value(), rejected.reason(),
                            rejected.occurredAt()));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "order notifications of " + owner + " could not be queued", e);
        }
    }

    private static Notification refused(UserId owner, OrderActivity activity, OrderActivity.TrackedEvent tracked,
                                        EventKind kind, UUID eventId, UUID correlationId, String reason,
                                        java.time.Instant at) {
        String status = kind == EventKind.ORDER_DENIED ? "denied" : "rejected";
        OrderView order = activity.orders().stream().map(OrderView::of)
                .filter(o -> correlationId.equals(o.correlationId()) && status.equals(o.status()))
                .findFirst().orElse(null);
        return OrderNotifications.refused(owner, new OrderNotifications.Refusal(kind, eventId, correlationId, reason,
                at, tracked.accountId(), tracked.botId().getOrNull(), tracked.instrument().toString(),
                tracked.side().name().toLowerCase(Locale.ROOT)), order);
    }
}
