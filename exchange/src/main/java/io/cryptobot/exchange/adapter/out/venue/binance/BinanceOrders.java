package io.cryptobot.exchange.adapter.out.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobot.exchange.adapter.out.venue.Json;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.execution.VenueOrderState;
import io.vavr.control.Option;
import java.math.BigDecimal;

/**
 * Binance spot's order vocabulary (enums.md "Order types", "Order status") in the kernel's terms, both ways. Amounts
 * are read at Binance's eight decimals (more only when the venue sends more), so two states of one order compare
 * exactly; compare amounts of other scales with {@code compareTo}.
 */
final class BinanceOrders {
    static final int SCALE = 8;

    private BinanceOrders() {
    }

    /**
     * The kernel's order types on Binance spot: a stop is {@code STOP_LOSS} / {@code STOP_LOSS_LIMIT} (which Binance
     * triggers above the market for a buy and below for a sell, rest-api.md "New order", as the kernel does), a take
     * profit is {@code TAKE_PROFIT}.
     */
    static String typeOf(OrderType type) {
        return switch (type) {
            case MARKET -> "MARKET";
            case LIMIT -> "LIMIT";
            case STOP_MARKET -> "STOP_LOSS";
            case STOP_LIMIT -> "STOP_LOSS_LIMIT";
            case TAKE_PROFIT -> "TAKE_PROFIT";
        };
    }

    /**
     * Back from Binance: {@code LIMIT_MAKER} is a limit order that may not take, {@code TAKE_PROFIT_LIMIT} (which the
     * platform never sends; an order placed by hand on the venue) works as a conditional limit order.
     */
    static OrderType typeFrom(String type) {
        return switch (type) {
            case "MARKET" -> OrderType.MARKET;
            case "STOP_LOSS" -> OrderType.STOP_MARKET;
            case "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT" -> OrderType.STOP_LIMIT;
            case "TAKE_PROFIT" -> OrderType.TAKE_PROFIT;
            default -> OrderType.LIMIT;
        };
    }

    /**
     * enums.md "Order status": {@code PENDING_NEW} (an order list's pending leg) counts as new, {@code PENDING_CANCEL}
     * ("currently unused") as still open, {@code EXPIRED_IN_MATCH} (expired by self-trade prevention) as expired.
     */
    static VenueOrderState.Status statusFrom(String status) {
        return switch (status) {
            case "PARTIALLY_FILLED", "PENDING_CANCEL" -> VenueOrderState.Status.PARTIALLY_FILLED;
            case "FILLED" -> VenueOrderState.Status.FILLED;
            case "CANCELED" -> VenueOrderState.Status.CANCELED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> VenueOrderState.Status.EXPIRED;
            case "REJECTED" -> VenueOrderState.Status.REJECTED;
            default -> VenueOrderState.Status.NEW;
        };
    }

    /**
     * An order as the order endpoints answer it (rest-api.md "New order" RESULT/FULL, "Query order", "Current open
     * orders", "Cancel order"): the cancel answer names the order by {@code origClientOrderId} (its
     * {@code clientOrderId} is the cancel's own id), and the time is {@code updateTime} or, in answers to a
     * placement or cancel, {@code transactTime}.
     */
    static VenueOrderState state(JsonNode order, InstrumentId instrument) {
        String clientOrderId = order.hasNonNull("origClientOrderId") ? order.path("origClientOrderId").asText()
                : order.path("clientOrderId").asText();
        OrderType type = typeFrom(order.path("type").asText());
        long time = order.hasNonNull("updateTime") ? order.path("updateTime").asLong()
                : order.path("transactTime").asLong(order.path("time").asLong());
        return new VenueOrderState(clientOrderId, order.path("orderId").asText(), instrument,
                Side.valueOf(order.path("side").asText()), type, quantity(order.path("origQty")),
                quantity(order.path("executedQty")), type.hasLimitPrice() ? Option.some(price(order.path("price")))
                : Option.none(), statusFrom(order.path("status").asText()), time);
    }

    static Quantity quantity(JsonNode node) {
        BigDecimal value = Json.decimal(node);
        int scale = scale(value);
        return new Quantity(value.setScale(scale).unscaledValue().longValueExact(), scale);
    }

    static Price price(JsonNode node) {
        BigDecimal value = Json.decimal(node);
        int scale = scale(value);
        return new Price(value.setScale(scale).unscaledValue().longValueExact(), scale);
    }

    private static int scale(BigDecimal value) {
        int needed = FixedPoint.scaleOf(value);
        if (needed > FixedPoint.MAX_SCALE) {
            throw new IllegalArgumentException("more than " + FixedPoint.MAX_SCALE + " decimals: " + value);
        }
        return Math.max(SCALE, needed);
    }

    /** An amount as Binance wants it: plain decimal text. */
    static String text(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }
}
