package io.cryptobot.app.notification.domain;

import java.util.Locale;

/** Pending until delivered, or failed when the receiver refused it for good (a 4xx other than 408 and 429). */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus parse(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
