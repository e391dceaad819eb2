package io.cryptobot.order.domain;

/**
 * Where an order is in its life. Groups, as NautilusTrader has them: <em>in flight</em> (sent, venue's
 * answer pending), <em>open</em> (working at the venue), <em>closed</em> (final; nothing changes it again).
 */
public enum OrderStatus {
    INITIALIZED,
    DENIED,
    SUBMITTED,
    ACCEPTED,
    REJECTED,
    TRIGGERED,
    PENDING_CANCEL,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    EXPIRED;

    public boolean isInFlight() {
        return this == SUBMITTED || this == PENDING_CANCEL;
    }

    public boolean isOpen() {
        return this == ACCEPTED || this == TRIGGERED || this == PARTIALLY_FILLED || this == PENDING_CANCEL;
    }

    public boolean isClosed() {
        return this == DENIED || this == REJECTED || this == FILLED || this == CANCELED || this == EXPIRED;
    }
}
