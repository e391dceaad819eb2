package io.cryptobot.exchange.domain.venue.limits;

import java.time.Duration;
import java.util.List;

/**
 * Binance spot's documented limits (binance-spot-api-docs, rest-api.md "LIMITS" and each endpoint's "Weight";
 * enums.md "Rate limiters"; web-socket-streams.md "WebSocket Limits"). Limits are per IP address, not per key.
 */
public final class BinanceLimits {
    /** The weighted sum of requests per minute of the clock, reported back as {@code X-MBX-USED-WEIGHT-1M}. */
    public static final String REQUEST_WEIGHT = "REQUEST_WEIGHT";
    /** Every request counts 1, whatever its weight, per 5 minutes. */
    public static final String RAW_REQUESTS = "RAW_REQUESTS";
    /** Stream connection attempts: "300 connections per attempt every 5 minutes per IP". */
    public static final String WS_CONNECTIONS = "WS_CONNECTIONS";

    public static final long DEFAULT_WEIGHT_PER_MINUTE = 6000;
    public static final long DEFAULT_RAW_REQUESTS_PER_5_MINUTES = 61000;
    public static final long WS_CONNECTIONS_PER_5_MINUTES = 300;
    /** The most klines one request returns ("Default: 500; Maximum: 1000"). */
    public static final int MAX_KLINES = 1000;

    private BinanceLimits() {
    }

    /** The REST budgets, with the request weight per minute as configured (the venue's exchange info may raise it). */
    public static List<RequestBudget> rest(long weightPerMinute) {
        return List.of(RequestBudget.fixed(REQUEST_WEIGHT, weightPerMinute, Duration.ofMinutes(1)),
                RequestBudget.fixed(RAW_REQUESTS, DEFAULT_RAW_REQUESTS_PER_5_MINUTES, Duration.ofMinutes(5)));
    }

    public static List<RequestBudget> streams() {
        return List.of(RequestBudget.sliding(WS_CONNECTIONS, WS_CONNECTIONS_PER_5_MINUTES, Duration.ofMinutes(5)));
    }

    /** GET /api/v3/time: weight 1. */
    public static RequestCost serverTime() {
        return weighted("GET /api/v3/time", 1);
    }

    /** GET /api/v3/exchangeInfo: weight 20. */
    public static RequestCost exchangeInfo() {
        return weighted("GET /api/v3/exchangeInfo", 20);
    }

    /** GET /api/v3/klines: weight 2, whatever the limit. */
    public static RequestCost klines() {
        return weighted("GET /api/v3/klines", 2);
    }

    /** GET /api/v3/avgPrice: weight 2. */
    public static RequestCost avgPrice() {
        return weighted("GET /api/v3/avgPrice", 2);
    }

    /** GET /api/v3/account (USER_DATA): weight 20. */
    public static RequestCost account() {
        return weighted("GET /api/v3/account", 20);
    }

    /**
     * GET /sapi/v1/account/apiRestrictions: weight 1 in the SAPI's own budget, counted against the REST weight here
     * (a deliberate over-count of one unit rather than a third budget for one call).
     */
    public static RequestCost apiRestrictions() {
        return weighted("GET /sapi/v1/account/apiRestrictions", 1);
    }

    /** POST /api/v3/order (TRADE): weight 1, and one unit of the account's unfilled order count. */
    public static RequestCost newOrder() {
        return weighted("POST /api/v3/order", 1);
    }

    /**
     * {@code order.place} on the WebSocket API (web-socket-api.md "Place new order (TRADE)"): weight 1, from the same
     * per-address budget as REST ("IP limits": "Weight is accumulated per IP address and is shared by all connections
     * from that address"), and one unit of the account's unfilled order count.
     */
    public static RequestCost wsOrderPlace() {
        return weighted("WS order.place", 1);
    }

    /** {@code order.cancel} on the WebSocket API (web-socket-api.md "Cancel order (TRADE)"): weight 1. */
    public static RequestCost wsOrderCancel() {
        return weighted("WS order.cancel", 1);
    }

    /** DELETE /api/v3/order (TRADE): weight 1. */
    public static RequestCost cancelOrder() {
        return weighted("DELETE /api/v3/order", 1);
    }

    /** GET /api/v3/order (USER_DATA, "Query order"): weight 4. */
    public static RequestCost queryOrder() {
        return weighted("GET /api/v3/order", 4);
    }

    /** GET /api/v3/openOrders: weight 6 for one symbol, 80 when the symbol is omitted. */
    public static RequestCost openOrders(boolean oneSymbol) {
        return weighted("GET /api/v3/openOrders", oneSymbol ? 6 : 80);
    }

    /** GET /api/v3/myTrades ("Account trade list"): weight 20, 5 with orderId. */
    public static RequestCost myTrades(boolean byOrder) {
        return weighted("GET /api/v3/myTrades", byOrder ? 5 : 20);
    }

    /**
     * The account's unfilled order count (rest-api.md "Unfilled Order Count", enums.md "ORDERS"): tracked per account,
     * not per address, reported in {@code X-MBX-ORDER-COUNT-10S} / {@code -1D}; Binance's published defaults are 50
     * per 10 seconds and 160,000 per day.
     */
    public static final String ORDERS_10S = "ORDERS_10S";
    public static final String ORDERS_1D = "ORDERS_1D";

    public static java.util.List<RequestBudget> orders(long per10Seconds, long perDay) {
        return java.util.List.of(RequestBudget.fixed(ORDERS_10S, per10Seconds, Duration.ofSeconds(10)),
                RequestBudget.fixed(ORDERS_1D, perDay, Duration.ofDays(1)));
    }

    public static RequestCost orderCount() {
        return new RequestCost("unfilled order count", java.util.Map.of(ORDERS_10S, 1L, ORDERS_1D, 1L));
    }

    public static RequestCost streamConnection() {
        return RequestCost.of("WS connect", WS_CONNECTIONS, 1);
    }

    private static RequestCost weighted(String endpoint, long weight) {
        return new RequestCost(endpoint, java.util.Map.of(REQUEST_WEIGHT, weight, RAW_REQUESTS, 1L));
    }
}
