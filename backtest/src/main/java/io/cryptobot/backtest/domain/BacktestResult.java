package io.cryptobot.backtest.domain;

import io.cryptobot.backtest.domain.engine.BacktestOutcome;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import java.util.Objects;

/** Everything a completed run keeps: its report, the engine's exact outcome, and the equity curve. */
public record BacktestResult(BacktestReport report, BacktestOutcome outcome, EquitySeries equity) {
    public BacktestResult {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(equity, "equity");
    }

    /** Rows a store writes: the report, the equity curve (one packed row), and one per trade, order and fill. */
    public long rows() {
        return 2L + outcome.trades().size() + outcome.orders().size() + outcome.fills().size();
    }
}
