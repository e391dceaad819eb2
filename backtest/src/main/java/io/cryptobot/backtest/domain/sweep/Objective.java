package io.cryptobot.backtest.domain.sweep;

import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.portfolio.domain.metrics.PerformanceMetrics;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * What a sweep ranks its points by: one figure of a point's report. Every metric is maximised except
 * {@code maxDrawdown}, which is minimised. A NaN figure ranks after every number; equal figures keep grid order
 * (lower index first), so a ranking never depends on the order results arrived in.
 */
public record Objective(Metric metric) {
    public Objective {
        Objects.requireNonNull(metric, "metric");
    }

    public enum Metric {
        TOTAL_RETURN("totalReturn", PerformanceMetrics::totalReturn, true),
        CAGR("cagr", PerformanceMetrics::cagr, true),
        SHARPE("sharpe", PerformanceMetrics::sharpe, true),
        SORTINO("sortino", PerformanceMetrics::sortino, true),
        CALMAR("calmar", PerformanceMetrics::calmar, true),
        MAX_DRAWDOWN("maxDrawdown", PerformanceMetrics::maxDrawdown, false),
        WIN_RATE("winRate", PerformanceMetrics::winRate, true),
        PROFIT_FACTOR("profitFactor", PerformanceMetrics::profitFactor, true),
        EXPECTANCY("expectancy", PerformanceMetrics::expectancy, true),
        NET_PNL("netPnl", m -> m.endEquity() - m.startEquity(), true);

        private final String code;
        private final ToDoubleFunction<PerformanceMetrics> value;
        private final boolean maximize;

        Metric(String code, ToDoubleFunction<PerformanceMetrics> value, boolean maximize) {
            this.code = code;
            this.value = value;
            this.maximize = maximize;
        }

        public String code() {
            return code;
        }

        public boolean maximize() {
            return maximize;
        }

        public static Option<Metric> parse(String code) {
            return Option.ofOptional(Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst());
        }

        public static String known() {
            return String.join(", ", Arrays.stream(values()).map(Metric::code).toList());
        }
    }

    /** The objective's figure of {@code report}; net P&amp;L is taken exactly from the report, then as a double. */
    public double value(BacktestReport report) {
        return metric == Metric.NET_PNL ? report.netPnl().doubleValue() : metric.value.applyAsDouble(report.metrics());
    }

    /** Best first: by the figure in the metric's direction, NaN last, then by grid index. */
    public Comparator<PointResult> order() {
        Comparator<Double> direction = metric.maximize ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.<PointResult, Boolean>comparing(p -> Double.isNaN(value(p.report())))
                .thenComparing(p -> value(p.report()), direction)
                .thenComparingInt(PointResult::index);
    }

    /** A new list of {@code results}, best first (see {@link #order()}). */
    public List<PointResult> rank(List<PointResult> results) {
        List<PointResult> ranked = new ArrayList<>(results);
        ranked.sort(order());
        return ranked;
    }
}
