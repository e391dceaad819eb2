package io.cryptobot.backtest.domain;

import io.vavr.control.Option;
import io.vavr.control.Try;
import java.util.Objects;
import java.util.UUID;

public record BacktestId(UUID value) {
    public BacktestId {
        Objects.requireNonNull(value, "value");
    }

    public static BacktestId random() {
        return new BacktestId(UUID.randomUUID());
    }

    public static Option<BacktestId> parse(String text) {
        return Try.of(() -> new BacktestId(UUID.fromString(text))).toOption();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
