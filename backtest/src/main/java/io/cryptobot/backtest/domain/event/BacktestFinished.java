package io.cryptobot.backtest.domain.event;

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
}
