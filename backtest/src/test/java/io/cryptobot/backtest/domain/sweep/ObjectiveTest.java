package io.cryptobot.backtest.domain.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.portfolio.domain.metrics.PerformanceMetrics;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    static PointResult point(int index, double totalReturn, double maxDrawdown) {
        PerformanceMetrics metrics = new PerformanceMetrics(10_000, 10_000 * (1 + totalReturn), 0, 60_000,
                totalReturn, Double.NaN, Double.NaN, Double.NaN, Double.NaN, maxDrawdown, 0, Double.NaN, Double.NaN,
                Double.NaN, 0, 0, 0, 0, 0);
        BacktestReport report = new BacktestReport("USDT", new BigDecimal("10000"), new BigDecimal("10000"),
                BigDecimal.valueOf(index), Map.of(), Map.of(), 2, 0, 0, 0, Map.of(), metrics);
        return new PointResult(index, Map.of("fast", String.valueOf(index)), report);
    }

    @Test
    void maximised_metrics_rank_highest_first_nan_last_and_ties_by_grid_index() {
        List<PointResult> results = List.of(point(0, 0.1, 0), point(1, Double.NaN, 0), point(2, 0.3, 0),
                point(3, 0.1, 0), point(4, -0.2, 0));
        assertThat(new Objective(Objective.Metric.TOTAL_RETURN).rank(results)).extracting(PointResult::index)
                .containsExactly(2, 0, 3, 4, 1);
        // arrival order does not matter
        assertThat(new Objective(Objective.Metric.TOTAL_RETURN).rank(results.reversed()))
                .extracting(PointResult::index).containsExactly(2, 0, 3, 4, 1);
    }

    @Test
    void max_drawdown_is_minimised_with_nan_still_last() {
        List<PointResult> results = List.of(point(0, 0, 0.2), point(1, 0, Double.NaN), point(2, 0, 0.05));
        assertThat(new Objective(Objective.Metric.MAX_DRAWDOWN).rank(results)).extracting(PointResult::index)
                .containsExactly(2, 0, 1);
    }

    @Test
    void net_pnl_comes_exactly_from_the_report() {
        assertThat(new Objective(Objective.Metric.NET_PNL).value(point(3, 0, 0).report())).isEqualTo(3.0);
        assertThat(Objective.Metric.parse("sharpe")).contains(Objective.Metric.SHARPE);
        assertThat(Objective.Metric.parse("Sharpe")).isEmpty();
    }
}
