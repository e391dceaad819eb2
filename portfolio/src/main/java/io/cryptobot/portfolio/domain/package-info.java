/**
 * Balances, positions, FIFO lots, realized and unrealized P&L, fees, equity snapshots and performance metrics (Sharpe, Sortino, Calmar, drawdown, VaR/CVaR), all exact.
 */
package io.cryptobot.portfolio.domain;
