package io.cryptobot.backtest.domain;

import io.cryptobot.backtest.domain.engine.BacktestOutcome;
import io.cryptobot.bot.domain.session.IgnoredSignal;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.cryptobot.portfolio.domain.metrics.PerformanceMetrics;
import io.cryptobot.portfolio.domain.metrics.TradeResult;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.portfolio.domain.ClosedTrade;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The summary of a completed run: exact money figures from the ledger (starting cash, final equity marked to
 * the last closes, net P&L, fees per asset, positions still open), counts, the signals that placed nothing by
 * reason, and the performance metrics computed from the equity curve and the trade list (doubles: analytics).
 */
public record BacktestReport(String currency, BigDecimal startingCash, BigDecimal finalEquity, BigDecimal netPnl,
                             Map<String, BigDecimal> feesPaid, Map<String, BigDecimal> openPositions,
                             long candles, int orders, int fills, int trades, Map<String, Integer> ignoredSignals,
                             PerformanceMetrics metrics) {
    public BacktestReport {
        Objects.requireNonNull(currency, "currency");
        feesPaid = Map.copyOf(feesPaid);
        openPositions = Map.copyOf(openPositions);
        ignoredSignals = Map.copyOf(ignoredSignals);
        Objects.requireNonNull(metrics, "metrics");
    }

    /** The report of {@code outcome}, whose equity the engine streamed into {@code equity}. */
    public static BacktestReport of(BacktestConfig config, BacktestOutcome outcome, EquitySeries equity) {
        Money start = config.startingCash();
        List<TradeResult> trades = new ArrayList<>(outcome.trades().size());
        for (ClosedTrade trade : outcome.trades()) {
            trades.add(new TradeResult(trade.entryTime().toEpochMilli(), trade.exitTime().toEpochMilli(),
                    trade.netPnl().toBigDecimal().doubleValue(), trade.fees().toBigDecimal().doubleValue()));
        }
        PerformanceMetrics metrics = PerformanceMetrics.of(start.toBigDecimal().doubleValue(),
                config.timeframe().nominalLength().toMillis(), equity, trades);
        Map<String, BigDecimal> fees = new TreeMap<>();
        outcome.feesPaid().forEach((asset, fee) -> fees.put(asset.toString(), fee.toBigDecimal()));
        Map<String, BigDecimal> open = new TreeMap<>();
        outcome.positions().stream().filter(p -> p.quantity().units() != 0)
                .forEach(p -> open.put(p.instrument().toString(), p.quantity().toBigDecimal()));
        Map<String, Integer> ignored = new LinkedHashMap<>();
        for (IgnoredSignal signal : outcome.ignoredSignals()) {
            ignored.merge(signal.rule(), 1, Integer::sum);
        }
        BigDecimal finalEquity = outcome.finalEquity().toBigDecimal();
        return new BacktestReport(start.asset().toString(), start.toBigDecimal(), finalEquity,
                finalEquity.subtract(start.toBigDecimal()), fees, open, outcome.candlesProcessed(),
                outcome.orders().size(), outcome.fills().size(), outcome.trades().size(), ignored, metrics);
    }
}
