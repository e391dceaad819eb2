package io.cryptobot.marketdata.domain;

import io.vavr.control.Either;
import java.util.Locale;

/** The row layouts an import understands; a zip archive holds files of one of them. */
public enum ImportFormat {
    /** Binance public-data klines: 12 columns, no header, open time in ms (µs for spot files from 2025). */
    BINANCE,
    /** A header naming timestamp, open, high, low, close, volume (any order, extra columns ignored). */
    CSV;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Either<String, ImportFormat> parse(String text) {
        if (text == null || text.isBlank()) {
            return Either.left("format is missing (binance or csv)");
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "binance" -> Either.right(BINANCE);
            case "csv" -> Either.right(CSV);
            default -> Either.left("format must be binance or csv, got '" + text + "'");
        };
    }
}
