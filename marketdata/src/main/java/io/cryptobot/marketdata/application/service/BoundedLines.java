package io.cryptobot.marketdata.application.service;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of a text, like {@link java.io.BufferedReader#readLine()} (ended by LF, CR or CRLF, the last one
 * possibly unterminated), except that a line longer than the budget's limit stops the read as soon as the limit
 * is passed: at most one buffer beyond the limit is ever held, however long the line. Every line, blank ones
 * included, is counted against the budget's line limit.
 */
final class BoundedLines implements Iterator<String> {
    private static final int BUFFER = 1 << 16;
    private final Reader in;
    private final UploadBudget budget;
    private final int maxLength;
    private final char[] buffer = new char[BUFFER];
    private int position;
    private int limit;
    private boolean skipLineFeed;
    private boolean ended;
    private String next;

    BoundedLines(Reader in, UploadBudget budget) {
        this.in = in;
        this.budget = budget;
        this.maxLength = budget.maxLineLength();
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            next = readLine();
            ended = next == null;
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String line = next;
        next = null;
        return line;
    }

    private String readLine() {
        StringBuilder partial = null;
        boolean counted = false;
        while (true) {
            if (position >= limit && !fill()) {
                return partial == null ? null : partial.toString();
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            if (!counted) {
                budget.countLine();
                counted = true;
            }
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            int length = position - start;
            if ((partial == null ? 0 : partial.length()) + length > maxLength) {
                throw budget.lineTooLong();
            }
            if (position < limit) {
                skipLineFeed = buffer[position] == '\r';
                position++;
                return partial == null ? new String(buffer, start, length)
                        : partial.append(buffer, start, length).toString();
            }
            partial = (partial == null ? new StringBuilder() : partial).append(buffer, start, length);
        }
    }

    private boolean fill() {
        try {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
