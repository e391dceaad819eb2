package io.cryptobot.order.domain;

import io.vavr.control.Either;
import java.util.regex.Pattern;

/**
 * The caller's idempotency key for an order (the same id twice means the same order), sent to venues as
 * their client order id; hence the venue-safe alphabet and length.
 */
public record ClientOrderId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    public ClientOrderId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("client order id must be 1-36 of A-Z a-z 0-9 _ -");
        }
    }

    public static Either<String, ClientOrderId> parse(String text) {
        return text != null && FORMAT.matcher(text).matches()
                ? Either.right(new ClientOrderId(text))
                : Either.left("client order id must be 1-36 of A-Z a-z 0-9 _ -");
    }

    @Override
    public String toString() {
        return value;
    }
}
