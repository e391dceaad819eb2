package io.cryptobot.backtest.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * queued → running → storing → completed | failed | cancelled. Storing: the engine has finished and its results
 * are being written; they become visible all at once when the run completes. A run the process did not finish
 * (shutdown, crash), storing included, is interrupted at the next start. Failed, cancelled and interrupted runs
 * can be resumed: queued again and run from the start (a run is deterministic, so the result is the one the
 * first attempt would have given). Sweeps use the same statuses but never store in a separate step.
 */
public enum BacktestStatus {
    QUEUED,
    RUNNING,
    STORING,
    COMPLETED,
    FAILED,
    CANCELLED,
    INTERRUPTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BacktestStatus fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status " + code));
    }

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED || this == INTERRUPTED;
    }

    public boolean isResumable() {
        return this == FAILED || this == CANCELLED || this == INTERRUPTED;
    }
}
