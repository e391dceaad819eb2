package io.cryptobot.order.domain;

import java.util.Objects;
import java.util.UUID;

/** The platform's own identity of an order. */
public record OrderId(UUID value) {
    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
