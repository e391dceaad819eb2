package io.cryptobot.backtest.domain.sweep;

import io.cryptobot.backtest.domain.BacktestReport;
import java.util.Objects;

/**
 * One walk-forward window: its slices, the in-sample winner (its parameters and in-sample report) and its
 * objective figure there, and the winner's report on the out-of-sample slice, which it never saw.
 */
public record WindowResult(WalkForward.Window window, PointResult best, double inSampleObjective,
                           BacktestReport outOfSample) {
    public WindowResult {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(outOfSample, "outOfSample");
    }
}
