package io.cryptobot.exchange.adapter.out.venue.okx;

import io.cryptobot.exchange.adapter.out.venue.StreamSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where OKX is (Overview, "Production Trading Services"): REST {@code https://www.okx.com}; candles stream on the
 * business WebSocket {@code wss://ws.okx.com:8443/ws/v5/business} (the full URL). Demo trading uses the same REST host
 * with the header {@code x-simulated-trading: 1} ({@code simulatedTrading}) and
 * {@code wss://wspap.okx.com:8443/ws/v5/business}.
 */
public record OkxConfig(URI restUrl, URI wsUrl, boolean simulatedTrading, Duration requestTimeout,
                        StreamSettings streams) {
    public static final URI PRODUCTION_REST = URI.create("https://www.okx.com");
    public static final URI PRODUCTION_WS = URI.create("wss://ws.okx.com:8443/ws/v5/business");

    public OkxConfig {
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(wsUrl, "wsUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(streams, "streams");
    }

    /**
     * Production hosts. Streams ping after 20 s of quiet (OKX closes a connection silent for 30 s and wants the client
     * to send 'ping' before) and are replaced when 40 s pass without even a 'pong'.
     */
    public static OkxConfig production() {
        return new OkxConfig(PRODUCTION_REST, PRODUCTION_WS, false, Duration.ofSeconds(10),
                new StreamSettings(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(40),
                        Duration.ofHours(23).plusMinutes(50), Duration.ofSeconds(20)));
    }

    public OkxConfig withUrls(URI rest, URI ws) {
        return new OkxConfig(rest, ws, simulatedTrading, requestTimeout, streams);
    }

    public OkxConfig withStreams(StreamSettings settings) {
        return new OkxConfig(restUrl, wsUrl, simulatedTrading, requestTimeout, settings);
    }
}
