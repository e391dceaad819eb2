package io.cryptobot.marketdata.domain;

import io.vavr.control.Either;
import java.util.Locale;

/**
 * Where an import stores its candles: the uploader's private dataset (the default for everyone), or the shared
 * reference data every user reads (admins only).
 */
public enum DatasetTarget {
    PRIVATE,
    SHARED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code private} when absent. */
    public static Either<String, DatasetTarget> parse(String text) {
        if (text == null || text.isBlank()) {
            return Either.right(PRIVATE);
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "private" -> Either.right(PRIVATE);
            case "shared" -> Either.right(SHARED);
            default -> Either.left("must be private or shared");
        };
    }

    public static DatasetTarget fromCode(String code) {
        return parse(code).getOrElseThrow(reason -> new IllegalArgumentException("unknown dataset target " + code));
    }
}
