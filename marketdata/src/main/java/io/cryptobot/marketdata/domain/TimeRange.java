package io.cryptobot.marketdata.domain;

import io.vavr.control.Either;

/** A half-open interval of epoch milliseconds [from, to), never empty. */
public record TimeRange(long from, long to) {
    public TimeRange {
        if (to <= from) {
            throw new IllegalArgumentException("to must be after from");
        }
    }

    public static Either<String, TimeRange> of(long from, long to) {
        return to > from ? Either.right(new TimeRange(from, to)) : Either.left("'to' must be after 'from'");
    }
}
