package io.cryptobot.kernel.domain;

import io.vavr.control.Either;
import java.util.Locale;
import java.util.regex.Pattern;

/** A trading venue by its upper-case code (BINANCE, KRAKEN, SIM for the simulated venue). */
public record Venue(String code) {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    public Venue {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("venue code must be 2-32 upper-case letters, digits or _: " + code);
        }
    }

    public static Either<String, Venue> parse(String text) {
        if (text == null) {
            return Either.left("venue is missing");
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        return CODE.matcher(upper).matches()
                ? Either.right(new Venue(upper))
                : Either.left("venue must be 2-32 letters, digits or _, got '" + text + "'");
    }

    @Override
    public String toString() {
        return code;
    }
}
