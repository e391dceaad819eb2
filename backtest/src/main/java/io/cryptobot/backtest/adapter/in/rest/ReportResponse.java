package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.kernel.adapter.in.rest.Decimals;
import io.cryptobot.portfolio.domain.metrics.PerformanceMetrics;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * A completed run's report. Money is exact (decimal strings in the account currency, fees and open positions per
 * asset); metrics are decimal strings too (computed in double), and null where undefined (for instance Sharpe with
 * fewer than two periods, profit factor without a losing trade).
 */
public record ReportResponse(String currency, String startingCash, String finalEquity, String netPnl,
                             Map<String, String> feesPaid, Map<String, String> openPositions, long candles,
                             int orders, int fills, int trades, Map<String, Integer> ignoredSignals, Metrics metrics) {

    /** The performance metrics, as {@code portfolio.domain.metrics.PerformanceMetrics} defines them. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "BacktestMetrics")
    public record Metrics(String totalReturn, String cagr, String sharpe, String sortino, String calmar,
                          String maxDrawdown, long maxDrawdownDurationSeconds, String winRate, String profitFactor,
                          String expectancy, String exposure, int tradeCount, String feesPaid, String var95,
                          String cvar95, boolean annualisedMeaningful, String annualisedNote) {
        static Metrics of(PerformanceMetrics m) {
            return new Metrics(Decimals.approx(m.totalReturn()), Decimals.approx(m.cagr()),
                    Decimals.approx(m.sharpe()), Decimals.approx(m.sortino()), Decimals.approx(m.calmar()),
                    Decimals.approx(m.maxDrawdown()), m.maxDrawdownDurationMillis() / 1000,
                    Decimals.approx(m.winRate()), Decimals.approx(m.profitFactor()), Decimals.approx(m.expectancy()),
                    Decimals.approx(m.exposure()), m.tradeCount(), Decimals.approx(m.feesPaid()),
                    Decimals.approx(m.var95()), Decimals.approx(m.cvar95()), m.annualisedMeaningful(),
                    m.annualisedCaveat());
        }
    }

    static ReportResponse of(BacktestReport r) {
        return new ReportResponse(r.currency(), r.startingCash().toPlainString(), r.finalEquity().toPlainString(),
                r.netPnl().toPlainString(), exact(r.feesPaid()), exact(r.openPositions()), r.candles(), r.orders(),
                r.fills(), r.trades(), new TreeMap<>(r.ignoredSignals()), Metrics.of(r.metrics()));
    }

    private static Map<String, String> exact(Map<String, BigDecimal> amounts) {
        Map<String, String> out = new TreeMap<>();
        amounts.forEach((asset, amount) -> out.put(asset, Decimals.exact(amount)));
        return out;
    }
}
