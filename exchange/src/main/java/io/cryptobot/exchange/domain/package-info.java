/**
 * The exchange context's domain. {@code fill} holds the fill model shared by every simulated venue (paper
 * trading and backtests): market, limit, stop, stop-limit and take-profit fills against the candle after the
 * decision (no look-ahead), slippage, maker/taker fees, volume-capped partial fills, IOC/FOK, tick and step
 * rounding and balance refusals, in exact fixed-point arithmetic. It reads orders through its own
 * {@code SimulatedOrder} view, never the order context's domain. {@code account}: paper
 * accounts and venue connections (credentials sealed at rest); {@code connection}: the connection test's result;
 * {@code venue.limits}: the live venues' documented request budgets and the rate limiter; {@code market}: the prices
 * of the built-in simulated live venue {@code SIM}, seeded random walks whose every candle is a pure function of
 * (seed, symbol, time).
 */
package io.cryptobot.exchange.domain;
