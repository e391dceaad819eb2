package io.cryptobot.bot.application.port.in;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.portfolio.domain.metrics.EquityCurve;
import io.cryptobot.portfolio.domain.metrics.PerformanceMetrics;
import io.cryptobot.portfolio.domain.metrics.TradeAnalytics;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A bot's performance, with the definitions backtests use: metrics over its equity samples (none before its
 * first trading step), the equity and drawdown curve, net P&L by day, week, month and instrument, the spread of
 * its trades, and its exposure: what each asset it holds is worth at the last close, in its currency.
 */
public record BotPerformance(BotPortfolio portfolio, Option<PerformanceMetrics> metrics, EquityCurve curve,
                             Map<String, BigDecimal> pnlByDay, Map<String, BigDecimal> pnlByWeek,
                             Map<String, BigDecimal> pnlByMonth, Map<String, BigDecimal> pnlByInstrument,
                             TradeAnalytics.Distribution distribution, Map<Asset, Money> exposure) {
}
