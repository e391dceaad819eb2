package io.cryptobot.backtest.domain;

import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One backtest job of one owner: its config, where it stands and how far it got. Immutable; each transition
 * returns the next state or, where the current status does not allow it, an error value.
 *
 * <pre>
 * queued → running → storing → completed
 * cancel:                 queued | running → cancelled   (a storing run is not cancelled)
 * fail:         queued | running | storing → failed
 * interrupt at start-up:  queued | running | storing → interrupted
 * resume:   failed | cancelled | interrupted → queued, attempt + 1
 * </pre>
 *
 * Progress counts candles over all instruments, warm-up included, and while storing the result rows written
 * (report, equity curve, trades, orders, fills) of those to write. {@code finishedAt} is when the outcome became
 * visible: for a completed run, the moment its results were all written, not the moment the engine ended.
 */
public record BacktestRun(BacktestId id, UserId owner, BacktestConfig config, BacktestStatus status,
                          long candlesProcessed, long candlesTotal, long rowsStored, long rowsTotal, int attempt,
                          Instant createdAt, Option<Instant> startedAt, Option<Instant> finishedAt,
                          Option<String> failure) {
    public BacktestRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(failure, "failure");
    }

    public static BacktestRun queue(BacktestId id, UserId owner, BacktestConfig config, Instant now) {
        return new BacktestRun(id, owner, config, BacktestStatus.QUEUED, 0, 0, 0, 0, 1, now, Option.none(),
                Option.none(), Option.none());
    }

    public BacktestRun start(long total, Instant now) {
        return new BacktestRun(id, owner, config, BacktestStatus.RUNNING, 0, total, 0, 0, attempt, createdAt,
                Option.some(now), Option.none(), Option.none());
    }

    public BacktestRun progress(long processed) {
        return new BacktestRun(id, owner, config, status, processed, candlesTotal, rowsStored, rowsTotal, attempt,
                createdAt, startedAt, finishedAt, failure);
    }

    /** The engine has finished after {@code processed} candles; {@code rows} result rows are to be written. */
    public Either<String, BacktestRun> storing(long processed, long rows) {
        if (status != BacktestStatus.RUNNING) {
            return Either.left(status.code());
        }
        return Either.right(new BacktestRun(id, owner, config, BacktestStatus.STORING, processed, candlesTotal, 0,
                rows, attempt, createdAt, startedAt, Option.none(), Option.none()));
    }

    public BacktestRun stored(long rows) {
        return new BacktestRun(id, owner, config, status, candlesProcessed, candlesTotal, rows, rowsTotal, attempt,
                createdAt, startedAt, finishedAt, failure);
    }

    /** Every result row is written; {@code now} is the moment they become visible, and so the run's end. */
    public Either<String, BacktestRun> complete(Instant now) {
        if (status != BacktestStatus.STORING) {
            return Either.left(status.code());
        }
        return Either.right(new BacktestRun(id, owner, config, BacktestStatus.COMPLETED, candlesProcessed,
                candlesTotal, rowsTotal, rowsTotal, attempt, createdAt, startedAt, Option.some(now), Option.none()));
    }

    public BacktestRun fail(String reason, Instant now) {
        return finish(BacktestStatus.FAILED, candlesProcessed, now, Option.some(reason));
    }

    public BacktestRun interrupt(Instant now) {
        return finish(BacktestStatus.INTERRUPTED, candlesProcessed, now,
                Option.some("the application stopped while this run was " + status.code()));
    }

    /**
     * Cancelling a queued run finishes it at once; a running one stops at the engine's next check. A storing run
     * is not cancelled: its results are computed and about to be visible, and throwing them away would only
     * waste the run (the owner can delete it once completed).
     */
    public Either<String, BacktestRun> cancel(long processed, Instant now) {
        return status.isFinished() || status == BacktestStatus.STORING
                ? Either.left(status.code())
                : Either.right(finish(BacktestStatus.CANCELLED, processed, now, Option.none()));
    }

    public Either<String, BacktestRun> resume(Instant now) {
        if (!status.isResumable()) {
            return Either.left(status.code());
        }
        return Either.right(new BacktestRun(id, owner, config, BacktestStatus.QUEUED, 0, 0, 0, 0, attempt + 1,
                createdAt, Option.none(), Option.none(), Option.none()));
    }

    /** Share of the candles done, 0 to 1; a completed run is done whatever its counts. */
    public double progress() {
        return status == BacktestStatus.COMPLETED ? 1.0
                : candlesTotal == 0 ? 0.0 : (double) candlesProcessed / candlesTotal;
    }

    /** Share of the result rows written while storing, 0 to 1; 0 when there is nothing to write yet. */
    public double storedShare() {
        return rowsTotal == 0 ? 0.0 : (double) rowsStored / rowsTotal;
    }

    /**
     * Time left at the pace so far: elapsed × remaining / processed; none before the first progress report or
     * once finished.
     */
    public Option<Duration> eta(Instant now) {
        if (status != BacktestStatus.RUNNING || candlesProcessed <= 0 || startedAt.isEmpty()) {
            return Option.none();
        }
        long elapsed = Math.max(0, Duration.between(startedAt.get(), now).toMillis());
        long remaining = Math.max(0, candlesTotal - candlesProcessed);
        return Option.some(Duration.ofMillis((long) ((double) elapsed * remaining / candlesProcessed)));
    }

    /** Ends a run without results: rows a storing run had written were rolled back with its transaction. */
    private BacktestRun finish(BacktestStatus finished, long processed, Instant now, Option<String> reason) {
        return new BacktestRun(id, owner, config, finished, processed, candlesTotal, 0, rowsTotal, attempt, createdAt,
                startedAt, Option.some(now), reason);
    }
}
