package io.cryptobot.app.notification.adapter.in.event;

import io.cryptobot.app.notification.application.port.in.RecordNotificationUseCase;
import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderActivity;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.application.port.in.RecordOrderActivityUseCase;
import io.cryptobot.order.domain.event.OrderEvent;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notifications from the order journal, in the flow that records the activity: once the journal committed a
 * step's orders and fills, its fills and its orders denied (by the pre-trade check) or rejected (by the venue) are
 * queued for the owner's endpoints that want them, on the same thread. Their keys are the fill's order and trade
 * ids and the event's id, so a step recorded again (a rebuilt session) queues nothing twice. Queuing reads memory
 * only when the owner has no such endpoint; a failure to queue is logged and never fails the journal.
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
        try {
            for (OrderActivity.TrackedFill fill : activity.fills()) {
                notifications.record(filled(owner, FillView.of(fill)));
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

    private static Notification filled(UserId owner, FillView f) {
        String side = f.side().name().toLowerCase(Locale.ROOT);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("orderId", f.orderId().toString());
        data.put("tradeId", f.tradeId());
        data.put("accountId", f.accountId().toString());
        if (f.botId() != null) {
            data.put("botId", f.botId().toString());
        }
        data.put("instrument", f.instrument().toString());
        data.put("side", side);
        data.put("quantity", f.quantity().toBigDecimal().toPlainString());
        data.put("price", f.price().toBigDecimal().toPlainString());
        data.put("fee", f.fee().toBigDecimal().toPlainString());
        data.put("feeAsset", f.fee().asset().code());
        data.put("executedAt", f.executedAt().toString());
        String title = "Filled: " + side + " " + data.get("quantity") + " " + f.instrument() + " at " + data.get("price");
        return new Notification(owner, EventKind.ORDER_FILLED, "fill:" + f.orderId() + ":" + f.tradeId(),
                f.executedAt(), title, "fee " + data.get("fee") + " " + data.get("feeAsset")
                + (f.botId() != null ? ", bot " + f.botId() : ", by hand"), data);
    }

    private static Notification refused(UserId owner, OrderActivity activity, OrderActivity.TrackedEvent tracked,
                                        EventKind kind, UUID eventId, UUID correlationId, String reason,
                                        java.time.Instant at) {
        String status = kind == EventKind.ORDER_DENIED ? "denied" : "rejected";
        Map<String, String> data = new LinkedHashMap<>();
        activity.orders().stream().map(OrderView::of)
                .filter(o -> correlationId.equals(o.correlationId()) && status.equals(o.status()))
                .findFirst().ifPresent(o -> {
                    data.put("orderId", o.id().toString());
                    data.put("clientOrderId", o.clientOrderId());
                    data.put("type", o.type());
                    data.put("quantity", o.quantity().toPlainString());
                });
        data.put("accountId", tracked.accountId().toString());
        tracked.botId().forEach(bot -> data.put("botId", bot.toString()));
        data.put("instrument", tracked.instrument().toString());
        data.put("side", tracked.side().name().toLowerCase(Locale.ROOT));
        data.put("correlationId", correlationId.toString());
        data.put("reason", reason);
        String title = "Order " + status + ": " + data.get("side") + " " + tracked.instrument();
        return new Notification(owner, kind, "order-event:" + eventId, at, title, reason, data);
    }
}
