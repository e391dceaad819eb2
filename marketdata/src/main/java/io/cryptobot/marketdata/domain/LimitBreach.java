package io.cryptobot.marketdata.domain;

import java.util.Objects;

/**
 * An upload broke one of the {@link ImportLimits}: which limit, its value, and where reading stopped ({@code entry}
 * is the zip entry, empty for a plain file; {@code line} counts from 1 within it, 0 before its first line).
 */
public record LimitBreach(ImportLimit limit, long value, String entry, long line) {
    public LimitBreach {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(entry, "entry");
        if (value < 1 || line < 0) {
            throw new IllegalArgumentException("value must be positive and line not negative");
        }
    }

    public String reason() {
        return limit.describe(value);
    }

    public RowError asRowError() {
        return new RowError(entry, line, reason());
    }
}
