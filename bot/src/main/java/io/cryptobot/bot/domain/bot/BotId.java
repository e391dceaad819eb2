package io.cryptobot.bot.domain.bot;

import io.vavr.control.Option;
import java.util.Objects;
import java.util.UUID;

public record BotId(UUID value) {
    public BotId {
        Objects.requireNonNull(value, "value");
    }

    public static Option<BotId> parse(String text) {
        try {
            return text == null ? Option.none() : Option.some(new BotId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Option.none();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
