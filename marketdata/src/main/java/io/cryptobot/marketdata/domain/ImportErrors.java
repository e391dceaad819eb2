package io.cryptobot.marketdata.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows an import refused: the first {@link #cap} with their reasons, and the count of all of them, so a file
 * with a million bad rows costs a bounded report rather than a million messages.
 */
public final class ImportErrors {
    public static final int DEFAULT_CAP = 100;
    private final int cap;
    private final List<RowError> first = new ArrayList<>();
    private long total;

    public ImportErrors(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive");
        }
        this.cap = cap;
    }

    public ImportErrors() {
        this(DEFAULT_CAP);
    }

    public void add(RowError error) {
        total++;
        if (first.size() < cap) {
            first.add(error);
        }
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public long total() {
        return total;
    }

    public List<RowError> first() {
        return List.copyOf(first);
    }
}
