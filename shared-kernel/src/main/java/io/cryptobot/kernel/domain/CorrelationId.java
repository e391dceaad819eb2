package io.cryptobot.kernel.domain;

import java.util.Objects;
import java.util.UUID;

/** Ties together everything that follows from one signal or API call (risk check, order, fills, position change). */
public record CorrelationId(UUID value) {
    public CorrelationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
