package io.cryptobot.kernel.domain;

import java.util.List;

/** One page of a result; {@code total} counts every match, not just this page. */
public record Page<T>(List<T> items, int offset, int limit, long total) {
    public Page {
        items = List.copyOf(items);
    }

    /** The requested page of a list held whole (a bot's trades, a catalog): the same shape as a paged query's. */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), (long) request.offset());
        int to = (int) Math.min(all.size(), (long) from + request.limit());
        return new Page<>(all.subList(from, to), request.offset(), request.limit(), all.size());
    }
}
