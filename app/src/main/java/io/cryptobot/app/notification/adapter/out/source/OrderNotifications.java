package io.cryptobot.app.notification.adapter.out.source;

import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The notifications of the order journal's fills and refused orders, one definition for the live path (the
 * journal's decorator) and the catch-up (the journal read by position): the same event gives the same key, title
 * and data either way, so whichever queues it first is the one delivered.
 */
public final class OrderNotifications {
    private OrderNotifications() {
    }

    public static Notification filled(UserId owner, FillView f) {
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

    /** What a refused order's event says, and where it belongs. */
    public record Refusal(EventKind kind, UUID eventId, UUID correlationId, String reason, Instant at, UUID accountId,
                          UUID botId, String instrument, String side) {
    }

    /** {@code order}: the refused order (null when it is not at hand: its facts are then left out). */
    public static Notification refused(UserId owner, Refusal r, OrderView order) {
        String status = r.kind() == EventKind.ORDER_DENIED ? "denied" : "rejected";
        Map<String, String> data = new LinkedHashMap<>();
        if (order != null) {
            data.put("orderId", order.id().toString());
            data.put("clientOrderId", order.clientOrderId());
            data.put("type", order.type());
            data.put("quantity", order.quantity().toPlainString());
        }
        data.put("accountId", r.accountId().toString());
        if (r.botId() != null) {
            data.put("botId", r.botId().toString());
        }
        data.put("instrument", r.instrument());
        data.put("side", r.side());
        data.put("correlationId", r.correlationId().toString());
        data.put("reason", r.reason());
        String title = "Order " + status + ": " + r.side() + " " + r.instrument();
        return new Notification(owner, r.kind(), "order-event:" + r.eventId(), r.at(), title, r.reason(), data);
    }
}
