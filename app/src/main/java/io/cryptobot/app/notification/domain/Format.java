package io.cryptobot.app.notification.domain;

import io.vavr.control.Option;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a notification is written for its receiver: our own signed JSON ({@code generic}), a Slack or Discord
 * incoming webhook's message, or a Telegram-compatible bot API {@code sendMessage} call.
 */
public enum Format {
    GENERIC, SLACK, DISCORD, TELEGRAM;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Option<Format> parse(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Option.ofOptional(Arrays.stream(values()).filter(f -> f.code().equals(wanted)).findFirst());
    }
}
