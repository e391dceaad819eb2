package io.cryptobot.exchange.adapter.out.venue.binance;

import io.cryptobot.exchange.adapter.out.venue.StreamSettings;
import io.cryptobot.exchange.domain.venue.limits.BinanceLimits;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Binance spot is and how to talk to it. {@code restUrl} is the REST base ({@code https://api.binance.com}, or
 * the spot testnet's {@code https://testnet.binance.vision}); {@code wsUrl} the stream base to which
 * {@code /ws/<stream>} is appended ({@code wss://stream.binance.com:9443}, testnet
 * {@code wss://stream.testnet.binance.vision}). {@code recvWindow}: how long a signed request stays valid (Binance's
 * default 5 s, at most 60 s). {@code weightPerMinute}: the request-weight budget until the exchange information
 * publishes the actual one.
 */
public record BinanceConfig(URI restUrl, URI wsUrl, Duration recvWindow, long weightPerMinute, Duration requestTimeout,
                            StreamSettings streams) {
    public static final URI PRODUCTION_REST = URI.create("https://api.binance.com");
    public static final URI PRODUCTION_WS = URI.create("wss://stream.binance.com:9443");

    public BinanceConfig {
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(wsUrl, "wsUrl");
        Objects.requireNonNull(recvWindow, "recvWindow");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(streams, "streams");
        if (recvWindow.toMillis() < 1 || recvWindow.toMillis() > 60_000) {
            throw new IllegalArgumentException("Binance's recvWindow is 1 ms to 60 s, got " + recvWindow);
        }
        if (weightPerMinute < 1) {
            throw new IllegalArgumentException("weightPerMinute must be positive");
        }
    }

    /** Production hosts and Binance's documented defaults. */
    public static BinanceConfig production() {
        return new BinanceConfig(PRODUCTION_REST, PRODUCTION_WS, Duration.ofSeconds(5),
                BinanceLimits.DEFAULT_WEIGHT_PER_MINUTE, Duration.ofSeconds(10),
                new StreamSettings(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(1),
                        Duration.ofHours(23).plusMinutes(50), Duration.ofSeconds(20)));
    }

    public BinanceConfig withUrls(URI rest, URI ws) {
        return new BinanceConfig(rest, ws, recvWindow, weightPerMinute, requestTimeout, streams);
    }

    public BinanceConfig withStreams(StreamSettings settings) {
        return new BinanceConfig(restUrl, wsUrl, recvWindow, weightPerMinute, requestTimeout, settings);
    }

    public BinanceConfig withRecvWindow(Duration window) {
        return new BinanceConfig(restUrl, wsUrl, window, weightPerMinute, requestTimeout, streams);
    }

    public BinanceConfig withWeightPerMinute(long weight) {
        return new BinanceConfig(restUrl, wsUrl, recvWindow, weight, requestTimeout, streams);
    }
}
