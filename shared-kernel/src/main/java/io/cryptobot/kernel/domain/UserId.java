package io.cryptobot.kernel.domain;

import io.vavr.control.Option;
import io.vavr.control.Try;
import java.util.Objects;
import java.util.UUID;

/** Identifies a platform user; every user-owned resource carries one and every query filters by it. */
public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId of(UUID value) {
        return new UserId(value);
    }

    public static Option<UserId> parse(String text) {
        return Try.of(() -> new UserId(UUID.fromString(text))).toOption();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
