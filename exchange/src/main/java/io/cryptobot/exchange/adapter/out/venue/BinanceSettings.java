package io.cryptobot.exchange.adapter.out.venue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code cryptobot.venues.binance.*}: production by default; the spot testnet by setting {@code rest-url} to
 * {@code https://testnet.binance.vision} and {@code ws-url} to {@code wss://stream.testnet.binance.vision}.
 */
@ConfigMapping(prefix = "cryptobot.venues.binance")
public interface BinanceSettings {
    @WithDefault("https://api.binance.com")
    String restUrl();

    /** The stream base; {@code /ws/<stream>} is appended. */
    @WithDefault("wss://stream.binance.com:9443")
    String wsUrl();

    /** How long a signed request stays valid (Binance: default 5 s, at most 60 s). */
    @WithDefault("PT5S")
    Duration recvWindow();

    /** The request-weight budget until the exchange information publishes the venue's own. */
    @WithDefault("6000")
    long weightPerMinute();

    @WithDefault("PT10S")
    Duration requestTimeout();

    Stream stream();

    /** Trading on the account's keys ({@code cryptobot.venues.binance.trading.*}). */
    Trading trading();

    interface Trading {
        /** The WebSocket API base, where the user-data stream is subscribed; testnet: wss://ws-api.testnet.binance.vision/ws-api/v3. */
        @WithDefault("wss://ws-api.binance.com:443/ws-api/v3")
        String wsApiUrl();

        /** A placement or cancel without an answer by then has an unknown outcome (resolved by a query). */
        @WithDefault("PT5S")
        Duration orderTimeout();

        @WithDefault("PT10S")
        Duration queryTimeout();

        /** The account's unfilled order count per 10 s (enums.md "ORDERS"; the venue may publish another). */
        @WithDefault("50")
        long ordersPer10Seconds();

        @WithDefault("160000")
        long ordersPerDay();

        /**
         * {@code websocket}: placements go as {@code order.place} on the WebSocket API connection the account's
         * user-data stream keeps open, by REST while it is down; {@code rest}: always POST /api/v3/order.
         */
        @WithDefault("websocket")
        String orderTransport();

        /** The user-data stream: Binance pings every 20 s, so a minute of silence is a dead connection. */
        @WithDefault("PT1M")
        Duration idleTimeout();
    }

    interface Stream {
        @WithDefault("PT1S")
        Duration reconnectMin();

        @WithDefault("PT1M")
        Duration reconnectMax();

        /** Binance pings every 20 s and kline events come every 2 s: a minute of silence is a dead connection. */
        @WithDefault("PT1M")
        Duration idleTimeout();

        /** Binance cuts connections at 24 h; they are replaced before. */
        @WithDefault("PT23H50M")
        Duration maxAge();

        @WithDefault("PT20S")
        Duration keepAlive();
    }
}
