/**
 * Pre-trade risk and the trading state, as pure functions (plain Java + vavr; no framework, no clock).
 *
 * <ul>
 *   <li>Inputs are risk's own views: {@link io.cryptobot.risk.domain.OrderIntent} (instrument, side, quantity,
 *       reference price = limit or last price, reduce-only flag, correlation id) and
 *       {@link io.cryptobot.risk.domain.AccountSnapshot} (equity, signed positions, open orders, day P&amp;L,
 *       day-start equity). The order context translates into them; risk never sees {@code order.domain}.</li>
 *   <li>{@link io.cryptobot.risk.domain.RiskRules}: one named rule per limit, each returning
 *       {@code Either<RiskRefusal, Allowance>}; a refusal carries the stable {@link io.cryptobot.risk.domain.RuleId}
 *       ({@code max_order_notional}, {@code max_position_share}, {@code max_open_orders}, {@code max_daily_loss},
 *       {@code reduce_only}, {@code trading_state}) and a reason with the numbers.</li>
 *   <li>{@link io.cryptobot.risk.domain.PreTradePolicy} runs the applicable rules in a fixed order and reports
 *       <em>all</em> refusals ({@link io.cryptobot.risk.domain.PreTradeRefusal}, first one = main reason) or the
 *       rules checked ({@link io.cryptobot.risk.domain.PreTradeAllowance}).</li>
 *   <li>{@link io.cryptobot.risk.domain.RiskLimits}: all limits optional, validated on construction; shares are
 *       exact basis points ({@link io.cryptobot.risk.domain.Share}).</li>
 *   <li>{@link io.cryptobot.risk.domain.TradingState} ACTIVE / REDUCING / HALTED (kill switch): transitions with a
 *       reason return an event ({@code event.TradingStateChanged}: {@code TradingHalted}, {@code TradingReduced},
 *       {@code TradingResumed}) or a {@link io.cryptobot.risk.domain.TransitionRefused}; no-ops are refused.
 *       {@link io.cryptobot.risk.domain.DailyLoss#autoHalt} says when a daily-loss breach must halt trading.</li>
 * </ul>
 *
 * <p>Arithmetic is exact: fixed-point values multiplied as {@link java.math.BigDecimal}, shares compared by
 * cross-multiplication; percentages in reasons are rounded to two decimals for reading only. Reference prices
 * are in the instrument's quote asset, which must be the account currency (otherwise the value rules refuse).
 */
package io.cryptobot.risk.domain;
