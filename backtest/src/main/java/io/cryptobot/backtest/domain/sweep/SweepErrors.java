package io.cryptobot.backtest.domain.sweep;

import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Limit;
import io.vavr.collection.Seq;

/** The errors of sweeps, with their stable codes. */
public final class SweepErrors {
    private SweepErrors() {
    }

    public static DomainError invalid(Seq<Violation> violations) {
        return new DomainError.Invalid("sweep.invalid_input", "the request has " + violations.size()
                + " invalid field(s)", violations.toJavaList());
    }

    public static DomainError notFound(SweepId id) {
        return new DomainError.NotFound("sweep.not_found", "no sweep " + id);
    }

    public static DomainError notCancellable(SweepId id, BacktestStatus status) {
        return new DomainError.Conflict("sweep.not_cancellable", "sweep " + id + " is already " + status.code());
    }

    public static DomainError notResumable(SweepId id, BacktestStatus status) {
        return new DomainError.Conflict("sweep.not_resumable", "sweep " + id + " is " + status.code()
                + "; only failed, cancelled or interrupted sweeps can be resumed");
    }

    public static DomainError notCompleted(SweepId id, BacktestStatus status) {
        return new DomainError.Conflict("sweep.no_results", "sweep " + id + " is " + status.code()
                + "; results exist once it has completed");
    }

    /** Fairness between users: one user's sweeps may not hold the shared workers for everyone. */
    public static DomainError tooManyActive(Limit limit) {
        return limit.reached("sweep.too_many_active", "you already have " + limit.max()
                + " sweeps queued or running; wait for one to finish or cancel one", 5);
    }

    /** One sweep may run at most so many backtests (its {@code pointsTotal}). */
    public static DomainError tooManyPoints(Limit limit, int backtests) {
        return limit.exceededBy("sweep.too_many_points", "the sweep would run " + backtests + " backtests; at most "
                + limit.max() + " per sweep: narrow the space, sample it (kind random) or use fewer windows");
    }
}
