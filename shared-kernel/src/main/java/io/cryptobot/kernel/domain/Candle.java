package io.cryptobot.kernel.domain;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Objects;

/**
 * One OHLCV bar. An instance always satisfies OHLC sanity: {@code low <= open, close <= high},
 * all prices positive, volume not negative. {@link #checked} says why a set of values does not.
 */
public record Candle(long openTime, Price open, Price high, Price low, Price close, Quantity volume) {

    public Candle {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        Seq<String> violations = violations(open, high, low, close, volume);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.mkString("; "));
        }
    }

    /** Builds a candle, or lists every OHLC-sanity rule the values break. */
    public static Validation<Seq<String>, Candle> checked(long openTime, Price open, Price high, Price low,
                                                          Price close, Quantity volume) {
        Seq<String> violations = violations(open, high, low, close, volume);
        return violations.isEmpty()
                ? Validation.valid(new Candle(openTime, open, high, low, close, volume))
                : Validation.invalid(violations);
    }

    private static Seq<String> violations(Price open, Price high, Price low, Price close, Quantity volume) {
        List<String> found = List.empty();
        if (high.compareTo(low) < 0) {
            found = found.append("high " + high + " is below low " + low);
        }
        if (open.compareTo(low) < 0 || open.compareTo(high) > 0) {
            found = found.append("open " + open + " is outside [low, high]");
        }
        if (close.compareTo(low) < 0 || close.compareTo(high) > 0) {
            found = found.append("close " + close + " is outside [low, high]");
        }
        if (low.units() <= 0) {
            found = found.append("prices must be positive");
        }
        if (volume.units() < 0) {
            found = found.append("volume " + volume + " is negative");
        }
        return found;
    }
}
