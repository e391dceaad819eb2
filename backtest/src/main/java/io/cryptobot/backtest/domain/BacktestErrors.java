package io.cryptobot.backtest.domain;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Limit;
import io.vavr.collection.Seq;

/** The errors this context returns, with their stable codes. */
public final class BacktestErrors {
    private BacktestErrors() {
    }

    public static DomainError invalid(Seq<Violation> violations) {
        return new DomainError.Invalid("backtest.invalid_input", "the request has " + violations.size()
                + " invalid field(s)", violations.toJavaList());
    }

    public static DomainError notFound(BacktestId id) {
        return new DomainError.NotFound("backtest.not_found", "no backtest " + id);
    }

    public static DomainError notResumable(BacktestId id, BacktestStatus status) {
        return new DomainError.Conflict("backtest.not_resumable", "backtest " + id + " is " + status.code()
                + "; only failed, cancelled or interrupted runs can be resumed");
    }

    public static DomainError notCancellable(BacktestId id, BacktestStatus status) {
        return new DomainError.Conflict("backtest.not_cancellable", "backtest " + id + " is already "
                + status.code());
    }

    /** Its results are computed and being written: cancelling now would only throw them away. */
    public static DomainError storing(BacktestId id) {
        return new DomainError.Conflict("backtest.storing", "backtest " + id + " has finished computing and is "
                + "storing its results; it cannot be cancelled now and completes shortly");
    }

    public static DomainError notCompleted(BacktestId id, BacktestStatus status) {
        return new DomainError.Conflict("backtest.no_results", "backtest " + id + " is " + status.code()
                + "; results exist once it has completed");
    }

    /** Fairness between users: one user's queue may not hold the workers for everyone. */
    public static DomainError tooManyUnfinished(Limit limit) {
        return limit.reached("backtest.too_many_unfinished", "you already have " + limit.max()
                + " backtests queued, running or storing; wait for one to finish or cancel one", 5);
    }

    public static DomainError noCandles(String what) {
        return new DomainError.Invalid("backtest.no_candles", "no candles to test on",
                java.util.List.of(new Violation("instruments", what)));
    }
}
