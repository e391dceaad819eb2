package io.cryptobot.marketdata.application.service;

import io.cryptobot.marketdata.domain.ImportLimit;
import io.cryptobot.marketdata.domain.ImportLimits;
import io.cryptobot.marketdata.domain.LimitBreach;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What one read of an upload has used so far against its {@link ImportLimits}: bytes unpacked, lines and zip
 * entries, summed over the whole upload. The first limit broken throws {@link Exceeded}, which stops the read
 * where it is; the reader turns it into a {@link LimitBreach} value.
 */
final class UploadBudget {
    private final ImportLimits limits;
    private long bytes;
    private long lines;
    private int entries;
    private String entry = "";
    private long line;

    UploadBudget(ImportLimits limits) {
        this.limits = limits;
    }

    int maxLineLength() {
        return limits.maxLineLength();
    }

    void enterEntry(String name) {
        entries++;
        entry = name;
        line = 0;
        if (entries > limits.maxEntries()) {
            throw exceeded(ImportLimit.ENTRIES);
        }
    }

    /** One more line (blank or not) begins; it is the {@code line}-th of its entry. */
    void countLine() {
        line++;
        lines++;
        if (lines > limits.maxRows()) {
            throw exceeded(ImportLimit.ROWS);
        }
    }

    Exceeded lineTooLong() {
        return exceeded(ImportLimit.LINE_LENGTH);
    }

    /** Counts the bytes as they are inflated (or read from a plain file), before they are decoded. */
    InputStream metered(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    add(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                add(skipped);
                return skipped;
            }

            @Override
            public void close() {
                // the archive stays open for its next entry; the reader closes the file
            }
        };
    }

    private void add(long n) {
        bytes += n;
        if (bytes > limits.maxUncompressedBytes()) {
            // decoding reads ahead, so the line is where reading stopped, at or before the byte that crossed it
            throw exceeded(ImportLimit.UNCOMPRESSED_BYTES);
        }
    }

    private Exceeded exceeded(ImportLimit limit) {
        return new Exceeded(new LimitBreach(limit, limits.valueOf(limit), entry, line));
    }

    /** Unwinds a read past the parsers; carries the breach, never a stack trace. */
    static final class Exceeded extends RuntimeException {
        private final transient LimitBreach breach;

        Exceeded(LimitBreach breach) {
            super(breach.reason(), null, false, false);
            this.breach = breach;
        }

        LimitBreach breach() {
            return breach;
        }
    }
}
