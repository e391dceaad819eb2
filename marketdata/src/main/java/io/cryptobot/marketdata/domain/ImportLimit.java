package io.cryptobot.marketdata.domain;

/**
 * The limits an upload can break, each named by its setting ({@code cryptobot.marketdata.import.<setting>}) so
 * that a refusal tells the user which limit it was and an operator which setting raises it.
 */
public enum ImportLimit {
    LINE_LENGTH("max-line-length", "a line is longer than %d characters"),
    UNCOMPRESSED_BYTES("max-uncompressed-bytes", "the upload unpacks to more than %d bytes"),
    ROWS("max-rows", "the upload has more than %d lines (blank lines and headers count)"),
    ENTRIES("max-entries", "the zip archive has more than %d entries");

    private final String setting;
    private final String broken;

    ImportLimit(String setting, String broken) {
        this.setting = setting;
        this.broken = broken;
    }

    public String setting() {
        return setting;
    }

    /** Says what was broken, with the limit's value and its name: "a line is longer than 4096 characters (...)". */
    public String describe(long value) {
        return broken.formatted(value) + " (limit " + setting + " = " + value + ")";
    }
}
