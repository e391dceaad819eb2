package io.cryptobot.exchange.adapter.out.venue;

import java.time.Duration;
import java.util.Objects;

/**
 * How a venue stream keeps itself alive. Reconnection waits {@code reconnectMin}, doubling per failed attempt up to
 * {@code reconnectMax} (with ±20 % jitter, so that many streams cut at once do not reconnect in step), and starts at
 * the minimum again once a connection delivered data. A connection silent for {@code idleTimeout} (no message, no
 * ping) is dropped and replaced; one older than {@code maxAge} is replaced before the venue cuts it (Binance: "only
 * valid for 24 hours"). {@code keepAlive}: after that much quiet the client pings, where the venue wants the client to
 * (OKX: "send the String 'ping'" within 30 s of quiet).
 */
public record StreamSettings(Duration reconnectMin, Duration reconnectMax, Duration idleTimeout, Duration maxAge,
                             Duration keepAlive) {
    public StreamSettings {
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (reconnectMin.toMillis() < 1 || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnect delays must be positive and max >= min");
        }
        if (idleTimeout.toMillis() < 1 || maxAge.toMillis() < 1 || keepAlive.toMillis() < 1) {
            throw new IllegalArgumentException("stream timeouts must be positive");
        }
    }

    public Duration reconnectDelay(int failedAttempts, double jitter) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 20));
        Duration step = reconnectMin.multipliedBy(1L << doublings);
        Duration capped = step.compareTo(reconnectMax) > 0 ? reconnectMax : step;
        return Duration.ofMillis(Math.max(1, Math.round(capped.toMillis() * (1 + 0.2 * jitter))));
    }
}
