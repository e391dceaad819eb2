/**
 * The spot portfolio ledger, exact throughout (fixed-point {@code long} units, never binary floating point).
 *
 * <p>{@link io.cryptobot.portfolio.domain.Ledger} books {@link io.cryptobot.portfolio.domain.LedgerFill}s (the
 * context's own view of a fill; it never depends on {@code order.domain} or {@code exchange.domain}): balances
 * per asset, long-only positions as FIFO {@link io.cryptobot.portfolio.domain.Lot}s, realized P&L per closed
 * lot portion ({@link io.cryptobot.portfolio.domain.ClosedTrade}, the backtest trade list), fees per asset and
 * valued in the quote, unrealized P&L and equity marked to market in one account currency from running totals.
 * Refusals (selling more than held, unsupported fee assets, unmarked or foreign-quoted positions) are
 * {@link io.cryptobot.portfolio.domain.LedgerRefusal} values. Each booked fill yields a
 * {@code PositionChanged} event ({@code portfolio.domain.event}).
 *
 * <p>{@code metrics}: performance metrics of an equity curve and a trade list (total return, CAGR, Sharpe,
 * Sortino, Calmar, drawdown depth and duration, win rate, profit factor, expectancy, exposure, VaR/CVaR), one
 * definition for backtests and for paper and live accounts. Equity snapshots of live accounts are not here yet.
 */
package io.cryptobot.portfolio.domain;
