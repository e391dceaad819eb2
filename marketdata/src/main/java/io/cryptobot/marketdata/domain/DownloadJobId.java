package io.cryptobot.marketdata.domain;

import io.vavr.control.Option;
import io.vavr.control.Try;
import java.util.Objects;
import java.util.UUID;

public record DownloadJobId(UUID value) {
    public DownloadJobId {
        Objects.requireNonNull(value, "value");
    }

    public static DownloadJobId random() {
        return new DownloadJobId(UUID.randomUUID());
    }

    public static Option<DownloadJobId> parse(String text) {
        return Try.of(() -> new DownloadJobId(UUID.fromString(text))).toOption();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
