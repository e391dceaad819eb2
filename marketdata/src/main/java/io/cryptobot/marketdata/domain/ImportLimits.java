package io.cryptobot.marketdata.domain;

/**
 * What one upload may hold and how many imports one user may have waiting. Every limit is checked while the
 * upload is streamed, so none of them needs the content in memory: a line longer than {@code maxLineLength}
 * characters, more than {@code maxUncompressedBytes} bytes once unpacked (the sum over a zip's entries; a plain
 * file's own size), more than {@code maxRows} lines (blank lines and headers count, so a file of newlines cannot
 * run for long), or more than {@code maxEntries} zip entries ends the import as failed. {@code
 * maxUnfinishedPerUser} caps a user's queued and running imports, so one user cannot fill the queue.
 */
public record ImportLimits(int maxLineLength, long maxUncompressedBytes, long maxRows, int maxEntries,
                           int maxUnfinishedPerUser) {

    public ImportLimits {
        if (maxLineLength < 1 || maxUncompressedBytes < 1 || maxRows < 1 || maxEntries < 1
                || maxUnfinishedPerUser < 1) {
            throw new IllegalArgumentException("every import limit must be positive");
        }
    }

    public long valueOf(ImportLimit limit) {
        return switch (limit) {
            case LINE_LENGTH -> maxLineLength;
            case UNCOMPRESSED_BYTES -> maxUncompressedBytes;
            case ROWS -> maxRows;
            case ENTRIES -> maxEntries;
        };
    }
}
