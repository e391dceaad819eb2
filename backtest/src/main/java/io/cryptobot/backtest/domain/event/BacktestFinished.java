package io.cryptobot.backtest.domain.event;

import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.kernel.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A backtest or a sweep of its owner ended, published once its final state is stored: {@code completed} (its
 * results can be read) or failed, with a one-line {@code summary} (the failure's reason for a failed one).
 */
public record BacktestFinished(UserId owner, UUID runId, Run run, boolean completed, String summary, Instant at) {
    public enum Run {
        BACKTEST,
        SWEEP
    }

    public BacktestFinished {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The end of a stored run (completed or failed), as the runner publishes it: the same summary, from what the
     * run's row keeps (a completed run's strategy, instruments and candles; a failed one's reason).
     */
    public static BacktestFinished of(BacktestRun run) {
        boolean completed = requireEnded(run.status());
        String summary = completed ? completed(run.config().strategy(), run.config().instruments().toString(),
                run.candlesProcessed()) : run.failure().getOrElse("");
        return new BacktestFinished(run.owner(), run.id().value(), Run.BACKTEST, completed, summary,
                run.finishedAt().getOrElse(run.createdAt()));
    }

    /** The end of a stored sweep (completed or failed), as the sweep's runner publishes it. */
    public static BacktestFinished of(SweepRun sweep) {
        boolean completed = requireEnded(sweep.status());
        String summary = completed ? sweepCompleted(sweep.spec().base().strategy(), sweep.pointsTotal())
                : sweep.failure().getOrElse("");
        return new BacktestFinished(sweep.owner(), sweep.id().value(), Run.SWEEP, completed, summary,
                sweep.finishedAt().getOrElse(sweep.createdAt()));
    }

    /** A completed backtest's summary. */
    public static String completed(String strategy, String instruments, long candles) {
        return strategy + " on " + instruments + ": " + candles + " candles";
    }

    /** A completed sweep's summary ({@code backtests}: how many it ran). */
    public static String sweepCompleted(String strategy, int backtests) {
        return "sweep of " + strategy + " done: " + backtests + " backtests";
    }

    private static boolean requireEnded(BacktestStatus status) {
        if (status != BacktestStatus.COMPLETED && status != BacktestStatus.FAILED) {
            throw new IllegalArgumentException("not a completed or failed run: " + status.code());
        }
        return status == BacktestStatus.COMPLETED;
    }
}
