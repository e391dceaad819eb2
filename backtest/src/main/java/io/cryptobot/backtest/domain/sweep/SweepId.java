package io.cryptobot.backtest.domain.sweep;

import io.vavr.control.Option;
import io.vavr.control.Try;
import java.util.Objects;
import java.util.UUID;

public record SweepId(UUID value) {
    public SweepId {
        Objects.requireNonNull(value, "value");
    }

    public static SweepId random() {
        return new SweepId(UUID.randomUUID());
    }

    public static Option<SweepId> parse(String text) {
        return Try.of(() -> new SweepId(UUID.fromString(text))).toOption();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
