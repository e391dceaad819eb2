package io.cryptobot.exchange.adapter.out.venue.binance;

import io.cryptobot.exchange.adapter.out.venue.StreamSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How one account trades on Binance spot. {@code wsApiUrl}: the WebSocket API, where the user-data stream is
 * subscribed (web-socket-api.md "General API Information": {@code wss://ws-api.binance.com:443/ws-api/v3}, testnet
 * {@code wss://ws-api.testnet.binance.vision/ws-api/v3}). {@code orderTimeout}: how long a placement or cancel waits
 * for its answer before its outcome is unknown (Binance's own backend gives up at 10 s with -1007, so a shorter wait
 * only makes outcomes unknown sooner, never wrong). {@code queryTimeout}: the same for reads. {@code ordersPer10Seconds}
 * and {@code ordersPerDay}: the account's unfilled order count limits (enums.md "ORDERS"), kept on our side too.
 * {@code stream}: reconnection and keep-alive of the user-data stream. {@code orderTransport}: how placements travel
 * while the user-data stream's WebSocket API connection is open and subscribed ({@link OrderTransport}).
 */
public record BinanceTradingConfig(URI wsApiUrl, Duration orderTimeout, Duration queryTimeout, long ordersPer10Seconds,
                                   long ordersPerDay, StreamSettings stream, OrderTransport orderTransport) {
    public static final URI PRODUCTION_WS_API = URI.create("wss://ws-api.binance.com:443/ws-api/v3");

    /**
     * {@code WEBSOCKET}: {@code order.place} on the connection the user-data stream keeps (web-socket-api.md "Place
     * new order (TRADE)"), REST while that connection is down; {@code REST}: POST /api/v3/order always.
     */
    public enum OrderTransport {
        WEBSOCKET, REST
    }

    public BinanceTradingConfig(URI wsApiUrl, Duration orderTimeout, Duration queryTimeout, long ordersPer10Seconds,
                                long ordersPerDay, StreamSettings stream) {
        this(wsApiUrl, orderTimeout, queryTimeout, ordersPer10Seconds, ordersPerDay, stream, OrderTransport.WEBSOCKET);
    }

    public BinanceTradingConfig {
        Objects.requireNonNull(orderTransport, "orderTransport");
        Objects.requireNonNull(wsApiUrl, "wsApiUrl");
        Objects.requireNonNull(orderTimeout, "orderTimeout");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        Objects.requireNonNull(stream, "stream");
        if (orderTimeout.toMillis() < 1 || queryTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (ordersPer10Seconds < 1 || ordersPerDay < 1) {
            throw new IllegalArgumentException("order count limits must be positive");
        }
    }

    /** Production's WebSocket API, Binance's published order count limits, a 5 s order timeout. */
    public static BinanceTradingConfig production() {
        return new BinanceTradingConfig(PRODUCTION_WS_API, Duration.ofSeconds(5), Duration.ofSeconds(10), 50, 160_000,
                new StreamSettings(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(1),
                        Duration.ofHours(23).plusMinutes(50), Duration.ofSeconds(20)));
    }

    public BinanceTradingConfig withWsApiUrl(URI url) {
        return new BinanceTradingConfig(url, orderTimeout, queryTimeout, ordersPer10Seconds, ordersPerDay, stream,
                orderTransport);
    }

    public BinanceTradingConfig withTimeouts(Duration order, Duration query) {
        return new BinanceTradingConfig(wsApiUrl, order, query, ordersPer10Seconds, ordersPerDay, stream,
                orderTransport);
    }

    public BinanceTradingConfig withStream(StreamSettings settings) {
        return new BinanceTradingConfig(wsApiUrl, orderTimeout, queryTimeout, ordersPer10Seconds, ordersPerDay,
                settings, orderTransport);
    }

    public BinanceTradingConfig withOrderLimits(long per10Seconds, long perDay) {
        return new BinanceTradingConfig(wsApiUrl, orderTimeout, queryTimeout, per10Seconds, perDay, stream,
                orderTransport);
    }

    public BinanceTradingConfig withOrderTransport(OrderTransport transport) {
        return new BinanceTradingConfig(wsApiUrl, orderTimeout, queryTimeout, ordersPer10Seconds, ordersPerDay, stream,
                transport);
    }
}
