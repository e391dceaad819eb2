package io.cryptobot.backtest.domain.sweep;

import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One sweep job of one owner, with the statuses of a backtest run (queued → running → completed | failed |
 * cancelled; interrupted at the next start if the process stopped). Progress counts backtests run: the points,
 * and for walk-forward (points + 1) per window.
 */
public record SweepRun(SweepId id, UserId owner, SweepSpec spec, BacktestStatus status, int pointsDone,
                       int pointsTotal, Instant createdAt, Option<Instant> startedAt, Option<Instant> finishedAt,
                       Option<String> failure) {
    public SweepRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(failure, "failure");
    }

    public static SweepRun queue(SweepId id, UserId owner, SweepSpec spec, Instant now) {
        return new SweepRun(id, owner, spec, BacktestStatus.QUEUED, 0, 0, now, Option.none(), Option.none(),
                Option.none());
    }

    public SweepRun start(int total, Instant now) {
        return new SweepRun(id, owner, spec, BacktestStatus.RUNNING, 0, total, createdAt, Option.some(now),
                Option.none(), Option.none());
    }

    public SweepRun complete(Instant now) {
        return finish(BacktestStatus.COMPLETED, pointsTotal, now, Option.none());
    }

    public SweepRun fail(String reason, Instant now) {
        return finish(BacktestStatus.FAILED, pointsDone, now, Option.some(reason));
    }

    public SweepRun interrupt(Instant now) {
        return finish(BacktestStatus.INTERRUPTED, pointsDone, now,
                Option.some("the application stopped while this sweep was " + status.code()));
    }

    /** Cancelling a queued sweep finishes it at once; a running one stops within about a second. */
    public Either<String, SweepRun> cancel(Instant now) {
        return status.isFinished()
                ? Either.left(status.code())
                : Either.right(finish(BacktestStatus.CANCELLED, pointsDone, now, Option.none()));
    }

    /** A failed, cancelled or interrupted sweep queued again, to run from the start with the same spec. */
    public Either<String, SweepRun> resume() {
        return status.isResumable()
                ? Either.right(new SweepRun(id, owner, spec, BacktestStatus.QUEUED, 0, 0, createdAt, Option.none(),
                        Option.none(), Option.none()))
                : Either.left(status.code());
    }

    /** Share of the backtests done, 0 to 1; a completed sweep is done whatever its counts. */
    public double progress() {
        return status == BacktestStatus.COMPLETED ? 1.0
                : pointsTotal == 0 ? 0.0 : (double) pointsDone / pointsTotal;
    }

    /** Time left at the pace so far: elapsed × remaining / done; none before the first point or once finished. */
    public Option<Duration> eta(Instant now) {
        if (status != BacktestStatus.RUNNING || pointsDone <= 0 || startedAt.isEmpty()) {
            return Option.none();
        }
        long elapsed = Math.max(0, Duration.between(startedAt.get(), now).toMillis());
        long remaining = Math.max(0, pointsTotal - pointsDone);
        return Option.some(Duration.ofMillis((long) ((double) elapsed * remaining / pointsDone)));
    }

    private SweepRun finish(BacktestStatus finished, int done, Instant now, Option<String> reason) {
        return new SweepRun(id, owner, spec, finished, done, pointsTotal, createdAt, startedAt, Option.some(now),
                reason);
    }
}
