package io.cryptobot.kernel.domain;

import io.vavr.control.Either;

/** Offset paging with a bounded page size; {@link #of} refuses sizes a client could use to exhaust the server. */
public record PageRequest(int offset, int limit) {
    public static final int MAX_LIMIT = 10_000;

    public PageRequest {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset >= 0 and 1 <= limit <= " + MAX_LIMIT);
        }
    }

    public static Either<String, PageRequest> of(int offset, int limit) {
        if (offset < 0) {
            return Either.left("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return Either.left("limit must be between 1 and " + MAX_LIMIT);
        }
        return Either.right(new PageRequest(offset, limit));
    }
}
