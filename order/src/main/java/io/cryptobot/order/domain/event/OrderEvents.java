package io.cryptobot.order.domain.event;

import java.util.Locale;

/** How an order event is named and summed up wherever it is stored or shown (journal, backtest results). */
public final class OrderEvents {
    private OrderEvents() {
    }

    /** {@code OrderFilled} → {@code filled}, {@code OrderPendingCancel} → {@code pending_cancel}. */
    public static String type(OrderEvent event) {
        return TYPES.get(event.getClass());
    }

    /** Each event class's type, made once (every stored event asks: a regular expression each time was not free). */
    private static final ClassValue<String> TYPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String name = type.getSimpleName();
            String bare = name.startsWith("Order") ? name.substring(5) : name;
            return bare.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        }
    };

    /** The event's own facts in one line: the fill, the reason of a denial or rejection, the venue's order id. */
    public static String detail(OrderEvent event) {
        return switch (event) {
            case OrderEvent.OrderFilled filled -> filled.fill().lastQty().toBigDecimal().toPlainString() + " @ "
                    + filled.fill().lastPx().toBigDecimal().toPlainString() + ", fee "
                    + filled.fill().commission().toBigDecimal().toPlainString() + " "
                    + filled.fill().commission().asset() + ", "
                    + filled.fill().liquiditySide().name().toLowerCase(Locale.ROOT);
            case OrderEvent.OrderDenied denied -> denied.reason();
            case OrderEvent.OrderRejected rejected -> rejected.reason();
            case OrderEvent.OrderAccepted accepted -> "venue order " + accepted.venueOrderId();
            default -> "";
        };
    }
}
