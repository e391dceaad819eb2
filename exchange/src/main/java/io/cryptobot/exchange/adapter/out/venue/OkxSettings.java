package io.cryptobot.exchange.adapter.out.venue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code cryptobot.venues.okx.*}: production by default; demo trading with {@code simulated-trading=true} and
 * {@code ws-url=wss://wspap.okx.com:8443/ws/v5/business}.
 */
@ConfigMapping(prefix = "cryptobot.venues.okx")
public interface OkxSettings {
    @WithDefault("https://www.okx.com")
    String restUrl();

    /** The business WebSocket (candle channels live there), the full URL. */
    @WithDefault("wss://ws.okx.com:8443/ws/v5/business")
    String wsUrl();

    /** Sends {@code x-simulated-trading: 1}, as OKX's demo trading requires. */
    @WithDefault("false")
    boolean simulatedTrading();

    @WithDefault("PT10S")
    Duration requestTimeout();

    Stream stream();

    interface Stream {
        @WithDefault("PT1S")
        Duration reconnectMin();

        @WithDefault("PT1M")
        Duration reconnectMax();

        /** A ping goes out after {@code keep-alive} of quiet; no answer by this point means a dead connection. */
        @WithDefault("PT40S")
        Duration idleTimeout();

        @WithDefault("PT23H50M")
        Duration maxAge();

        /** OKX cuts connections silent for 30 s; the client pings before. */
        @WithDefault("PT20S")
        Duration keepAlive();
    }
}
