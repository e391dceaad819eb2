/**
 * Performance metrics of an equity curve and its closed trades: a backtest's result, later a paper or live
 * account's.
 *
 * <p>{@link io.cryptobot.portfolio.domain.metrics.EquitySeries} is the columnar, append-only equity curve (primitive
 * arrays, one sample per candle, with whether a position was open); {@link
 * io.cryptobot.portfolio.domain.metrics.TradeResult} is one closed trade as the metrics see it; {@link
 * io.cryptobot.portfolio.domain.metrics.PerformanceMetrics} computes return, CAGR, Sharpe, Sortino, Calmar, drawdown
 * depth and duration, trade statistics, exposure, fees and historical VaR/CVaR in O(n) over primitive arrays, with
 * every definition (and every undefined case, as {@code NaN}) stated in its Javadoc; {@link
 * io.cryptobot.portfolio.domain.metrics.DrawdownSeries} gives the drawdown curve. Analytics use {@code double}: the
 * inputs are already valued; money stays exact elsewhere.
 */
package io.cryptobot.portfolio.domain.metrics;
