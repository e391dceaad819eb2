package io.cryptobot.app.identity.domain;

import java.time.Duration;
import java.util.Objects;

/** How many attempts a key has in its current window and how long until that window ends. */
public record Attempts(int count, Duration resetsIn) {
    public static final Attempts NONE = new Attempts(0, Duration.ZERO);

    public Attempts {
        Objects.requireNonNull(resetsIn, "resetsIn");
        if (count < 0 || resetsIn.isNegative()) {
            throw new IllegalArgumentException("count and resetsIn must not be negative");
        }
    }
}
