package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.portfolio.domain.metrics.PerformanceMetrics;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A completed run's report. Money is exact (decimal strings in the account currency); metrics are numbers, and
 * null where undefined (for instance Sharpe with fewer than two periods, profit factor without a losing trade).
 */
public record ReportResponse(String currency, String startingCash, String finalEquity, String netPnl,
                             Map<String, BigDecimal> feesPaid, Map<String, BigDecimal> openPositions, long candles,
                             int orders, int fills, int trades, Map<String, Integer> ignoredSignals, Metrics metrics) {

    public record Metrics(Double totalReturn, Double cagr, Double sharpe, Double sortino, Double calmar,
                          Double maxDrawdown, long maxDrawdownDurationSeconds, Double winRate, Double profitFactor,
                          Double expectancy, Double exposure, int tradeCount, Double feesPaid, Double var95,
                          Double cvar95, boolean annualisedMeaningful, String annualisedNote) {
    }

    static ReportResponse of(BacktestReport r) {
        PerformanceMetrics m = r.metrics();
        return new ReportResponse(r.currency(), r.startingCash().toPlainString(), r.finalEquity().toPlainString(),
                r.netPnl().toPlainString(), r.feesPaid(), r.openPositions(), r.candles(), r.orders(), r.fills(),
                r.trades(), r.ignoredSignals(), new Metrics(finite(m.totalReturn()), finite(m.cagr()),
                finite(m.sharpe()), finite(m.sortino()), finite(m.calmar()), finite(m.maxDrawdown()),
                m.maxDrawdownDurationMillis() / 1000, finite(m.winRate()), finite(m.profitFactor()),
                finite(m.expectancy()), finite(m.exposure()), m.tradeCount(), finite(m.feesPaid()),
                finite(m.var95()), finite(m.cvar95()), m.annualisedMeaningful(), m.annualisedCaveat()));
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
