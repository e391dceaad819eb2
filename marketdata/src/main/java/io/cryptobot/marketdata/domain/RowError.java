package io.cryptobot.marketdata.domain;

import java.util.Objects;

/**
 * Why one row of an import was refused. {@code entry} names the zip entry the row came from (empty for a plain
 * file); {@code line} counts from 1 within that file or entry, header included.
 */
public record RowError(String entry, long line, String reason) {
    public RowError {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative");
        }
    }

    public String location() {
        return entry.isEmpty() ? "line " + line : entry + " line " + line;
    }
}
