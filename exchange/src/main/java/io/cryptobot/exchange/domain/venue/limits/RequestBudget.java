package io.cryptobot.exchange.domain.venue.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * One of a venue's documented request budgets: at most {@code limit} units within a {@code window}. A
 * {@link Window#FIXED} window starts at whole multiples of its length since the epoch (Binance counts weight per
 * minute of the clock and reports it in {@code X-MBX-USED-WEIGHT-1M}); a {@link Window#SLIDING} one counts the units
 * of the last {@code window} (OKX's "20 requests per 2 seconds", whose start the venue does not publish: sliding never
 * sends more than the limit within any span of that length).
 */
public record RequestBudget(String name, long limit, Duration window, Window kind) {

    public enum Window {
        FIXED, SLIDING
    }

    public RequestBudget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(kind, "kind");
        if (limit < 1) {
            throw new IllegalArgumentException("a budget allows at least one unit: " + name);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("a budget's window is at least a millisecond: " + name);
        }
    }

    public static RequestBudget fixed(String name, long limit, Duration window) {
        return new RequestBudget(name, limit, window, Window.FIXED);
    }

    public static RequestBudget sliding(String name, long limit, Duration window) {
        return new RequestBudget(name, limit, window, Window.SLIDING);
    }

    public RequestBudget withLimit(long newLimit) {
        return new RequestBudget(name, newLimit, window, kind);
    }
}
