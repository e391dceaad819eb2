package io.cryptobot.kernel.domain;

import java.util.Objects;

/**
 * One per-user limit: its name (its key under {@code cryptobot.limits}, and what a refusal names) and its value.
 * A refusal made here names both, so a client can tell which limit it met and how far it may go.
 */
public record Limit(String name, long max) {
    public Limit {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a limit has a name");
        }
        if (max < 1) {
            throw new IllegalArgumentException("limit " + name + " must be at least 1, got " + max);
        }
    }

    /** Whether one more fits beside the {@code held} ones. */
    public boolean admitsOneMore(long held) {
        return held < max;
    }

    /** Whether one request of {@code size} fits. */
    public boolean admitsSize(long size) {
        return size <= max;
    }

    /** The refusal of one more (429): {@code detail} says what the caller holds; the limit and value are added. */
    public DomainError.OverLimit reached(String code, String detail, long retryAfterSeconds) {
        return new DomainError.OverLimit(code, detail + " (limit " + this + ")", name, max, retryAfterSeconds);
    }

    /** The refusal of a request too large (413): {@code detail} says how large it is; the limit and value are added. */
    public DomainError.TooLarge exceededBy(String code, String detail) {
        return new DomainError.TooLarge(code, detail + " (limit " + this + ")", name, max);
    }

    /** {@code name = max}, as refusals and logs show it. */
    @Override
    public String toString() {
        return name + " = " + max;
    }
}
