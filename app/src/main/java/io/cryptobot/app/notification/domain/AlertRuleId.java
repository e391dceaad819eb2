package io.cryptobot.app.notification.domain;

import io.vavr.control.Option;
import io.vavr.control.Try;
import java.util.Objects;
import java.util.UUID;

public record AlertRuleId(UUID value) {
    public AlertRuleId {
        Objects.requireNonNull(value, "value");
    }

    public static Option<AlertRuleId> parse(String text) {
        return Try.of(() -> UUID.fromString(text.strip())).toOption().map(AlertRuleId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
