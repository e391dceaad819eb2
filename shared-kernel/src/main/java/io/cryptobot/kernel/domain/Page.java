package io.cryptobot.kernel.domain;

import java.util.List;

/** One page of a result; {@code total} counts every match, not just this page. */
public record Page<T>(List<T> items, int offset, int limit, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
