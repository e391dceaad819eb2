package io.cryptobot.backtest.domain.sweep;

import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
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
}
