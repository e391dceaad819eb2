package io.cryptobot.exchange.domain.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One reading of a venue's clock: our clock when the request left ({@code sentAt}) and when the answer came back
 * ({@code receivedAt}), and the venue's time in the answer. The venue read its clock somewhere in between; taking
 * the midpoint bounds the error by half the round trip.
 */
public record ClockReading(Instant sentAt, Instant venueTime, Instant receivedAt) {
    public ClockReading {
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(venueTime, "venueTime");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (receivedAt.isBefore(sentAt)) {
            throw new IllegalArgumentException("an answer cannot arrive before its request left");
        }
    }

    public Duration roundTrip() {
        return Duration.between(sentAt, receivedAt);
    }

    /** How far our clock is ahead of the venue's (negative: behind). */
    public Duration skew() {
        Instant midpoint = sentAt.plus(roundTrip().dividedBy(2));
        return Duration.between(venueTime, midpoint);
    }
}
