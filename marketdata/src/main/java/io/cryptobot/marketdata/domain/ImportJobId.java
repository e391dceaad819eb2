package io.cryptobot.marketdata.domain;

import io.vavr.control.Option;
import io.vavr.control.Try;
import java.util.Objects;
import java.util.UUID;

public record ImportJobId(UUID value) {
    public ImportJobId {
        Objects.requireNonNull(value, "value");
    }

    public static ImportJobId random() {
        return new ImportJobId(UUID.randomUUID());
    }

    public static Option<ImportJobId> parse(String text) {
        return Try.of(() -> new ImportJobId(UUID.fromString(text))).toOption();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
