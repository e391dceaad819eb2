package io.cryptobot.app.notification.domain;

/** A bot's equity at {@code time} (epoch millis), in its currency, as the equity curve holds it. */
public record EquitySample(long time, double equity) {
}
