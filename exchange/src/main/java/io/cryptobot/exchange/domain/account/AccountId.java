package io.cryptobot.exchange.domain.account;

import io.vavr.control.Option;
import io.vavr.control.Try;
import java.util.Objects;
import java.util.UUID;

public record AccountId(UUID value) {
    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    public static Option<AccountId> parse(String text) {
        return Try.of(() -> new AccountId(UUID.fromString(text))).toOption();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
