package io.cryptobot.exchange.domain.connection;

import java.time.Duration;
import java.util.Objects;

/**
 * How far the timestamp of a signed request may be from the venue's clock before the venue refuses it. Binance
 * (rest-api.md, "Timing security"): at most 1 s ahead and at most {@code recvWindow} behind (default 5 s, max 60 s).
 * OKX (Overview, "REST Authentication"): requests expire 30 s after their timestamp, and (code 50102 "Timestamp
 * request expired") a timestamp more than 30 s off either way is refused.
 */
public record SigningWindow(Duration maxAhead, Duration maxBehind) {
    public SigningWindow {
        Objects.requireNonNull(maxAhead, "maxAhead");
        Objects.requireNonNull(maxBehind, "maxBehind");
        if (maxAhead.isNegative() || maxBehind.isNegative()) {
            throw new IllegalArgumentException("a signing window is never negative");
        }
    }

    public static SigningWindow binance(Duration recvWindow) {
        return new SigningWindow(Duration.ofSeconds(1), recvWindow);
    }

    public static SigningWindow okx() {
        return new SigningWindow(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    /** Whether a request stamped with a clock {@code skew} ahead of the venue's (negative: behind) is accepted. */
    public boolean accepts(Duration skew) {
        return skew.compareTo(maxAhead) < 0 && skew.negated().compareTo(maxBehind) <= 0;
    }
}
