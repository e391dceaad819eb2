package io.cryptobot.backtest.domain.sweep;

import io.cryptobot.backtest.domain.BacktestReport;
import java.util.Map;
import java.util.Objects;

/** A sweep point's outcome: its grid index, its full parameters and the run's report (no trades, no curve). */
public record PointResult(int index, Map<String, String> parameters, BacktestReport report) {
    public PointResult {
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(report, "report");
    }
}
