package io.cryptobot.risk.domain;

import static io.cryptobot.risk.domain.Amounts.plain;

import io.cryptobot.kernel.domain.Money;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;

/**
 * The pre-trade rules, one named function each. All arithmetic is exact ({@link BigDecimal} products of
 * fixed-point values); percentages in reasons are rounded to two decimals for reading only.
 */
final class RiskRules {
    private RiskRules() {
    }

    /** Halted refuses every order; the other states leave the decision to the other rules. */
    static RiskRule tradingState(TradingState state) {
        return (intent, account) -> state == TradingState.HALTED
                ? refuse(RuleId.TRADING_STATE, "trading is halted; no order may be placed until it is resumed")
                : allow(RuleId.TRADING_STATE);
    }

    /**
     * A reduce-only order, or any order while trading is reducing, must make the position smaller without
     * flipping it to the other side.
     */
    static RiskRule reduceOnly() {
        return (intent, account) -> {
            PositionChange change = account.changeBy(intent);
            if (change.isReducing()) {
                return allow(RuleId.REDUCE_ONLY);
            }
            String why = intent.reduceOnly() ? "reduce-only order" : "trading is reducing: order";
            String base = intent.instrument().base().code();
            String order = why + " to " + intent.side().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + intent.quantity() + " " + base;
            BigDecimal before = change.before();
            if (before.signum() == 0) {
                return refuse(RuleId.REDUCE_ONLY, order + " would open a position; there is none to reduce");
            }
            String held = (before.signum() > 0 ? "long " : "short ") + plain(before.abs()) + " " + base;
            if (change.after().signum() != 0 && change.after().signum() != before.signum()) {
                return refuse(RuleId.REDUCE_ONLY, order + " exceeds the " + held + " position by "
                        + plain(change.after().abs()) + " " + base);
            }
            return refuse(RuleId.REDUCE_ONLY, order + " would increase the " + held + " position");
        };
    }

    /**
     * While openings are blocked (the session's feed is stale, or its venue halted the instrument: {@code why}), an
     * order must make the position smaller: what is held may still be managed, nothing new opened or added to.
     */
    static RiskRule openingBlocked(String why) {
        return (intent, account) -> {
            PositionChange change = account.changeBy(intent);
            if (change.isReducing()) {
                return allow(RuleId.OPENING_BLOCKED);
            }
            String base = intent.instrument().base().code();
            String order = "order to " + intent.side().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + intent.quantity() + " " + base;
            BigDecimal before = change.before();
            String effect = before.signum() == 0 ? " would open a position"
                    : change.after().signum() != 0 && change.after().signum() != before.signum()
                    ? " would flip the position" : " would add to the position";
            return refuse(RuleId.OPENING_BLOCKED, "no new positions (" + why + "): " + order + effect);
        };
    }

    /** Quantity times reference price must not exceed the limit; exactly at the limit is allowed. */
    static RiskRule maxOrderNotional(Money limit) {
        return (intent, account) -> {
            if (!intent.instrument().quote().equals(limit.asset())) {
                return refuse(RuleId.MAX_ORDER_NOTIONAL, "order is valued in " + intent.instrument().quote()
                        + " but the notional limit is in " + limit.asset());
            }
            BigDecimal notional = intent.notional();
            return notional.compareTo(limit.toBigDecimal()) <= 0
                    ? allow(RuleId.MAX_ORDER_NOTIONAL)
                    : refuse(RuleId.MAX_ORDER_NOTIONAL, "order notional " + plain(notional) + " "
                            + intent.instrument().quote() + " exceeds the limit of " + limit);
        };
    }

    /**
     * The position after the order, valued at the reference price, must be at most the given share of equity.
     * An order that makes the position smaller always passes: refusing it would keep the account at more risk.
     */
    static RiskRule maxPositionShare(Share limit) {
        return (intent, account) -> {
            PositionChange change = account.changeBy(intent);
            if (change.isReducing()) {
                return allow(RuleId.MAX_POSITION_SHARE);
            }
            if (!intent.instrument().quote().equals(account.currency())) {
                return refuse(RuleId.MAX_POSITION_SHARE, "position is valued in " + intent.instrument().quote()
                        + " but equity is in " + account.currency());
            }
            BigDecimal equity = account.equity().toBigDecimal();
            BigDecimal value = change.after().abs().multiply(intent.referencePrice().toBigDecimal());
            if (equity.signum() <= 0) {
                return refuse(RuleId.MAX_POSITION_SHARE, "equity is " + account.equity()
                        + "; no position may be added to");
            }
            return limit.admits(value, equity)
                    ? allow(RuleId.MAX_POSITION_SHARE)
                    : refuse(RuleId.MAX_POSITION_SHARE, "position would be " + Share.percentOf(value, equity)
                            + "% of equity, limit " + limit + " (" + plain(value) + " of " + account.equity() + ")");
        };
    }

    /** The open orders plus the new one must not exceed the limit. */
    static RiskRule maxOpenOrders(int limit) {
        return (intent, account) -> account.openOrders() + 1L <= limit
                ? allow(RuleId.MAX_OPEN_ORDERS)
                : refuse(RuleId.MAX_OPEN_ORDERS, account.openOrders() + " orders are open, the limit is " + limit
                        + " including this one");
    }

    /**
     * The holding of the order's base asset after the order, over every instrument with that base and valued at
     * the order's reference price, must be at most the given share of equity. Orders that make the holding smaller
     * always pass.
     */
    static RiskRule maxAssetExposure(Share limit) {
        return (intent, account) -> {
            BigDecimal before = account.holding(intent.instrument().base());
            BigDecimal after = before.add(intent.signedQuantity());
            if (after.abs().compareTo(before.abs()) <= 0) {
                return allow(RuleId.MAX_ASSET_EXPOSURE);
            }
            BigDecimal equity = account.equity().toBigDecimal();
            BigDecimal value = after.abs().multiply(intent.referencePrice().toBigDecimal());
            if (equity.signum() <= 0) {
                return refuse(RuleId.MAX_ASSET_EXPOSURE, "equity is " + account.equity()
                        + "; no exposure may be added");
            }
            String asset = intent.instrument().base().code();
            return limit.admits(value, equity)
                    ? allow(RuleId.MAX_ASSET_EXPOSURE)
                    : refuse(RuleId.MAX_ASSET_EXPOSURE, asset + " exposure would be " + Share.percentOf(value, equity)
                            + "% of equity, limit " + limit + " (" + plain(after.abs()) + " " + asset + " worth "
                            + plain(value) + " of " + account.equity() + ")");
        };
    }

    /** Orders placed in the last 60 seconds plus this one must not exceed the limit. */
    static RiskRule maxOrderRate(int perMinute) {
        return (intent, account) -> account.ordersLastMinute() + 1L <= perMinute
                ? allow(RuleId.MAX_ORDER_RATE)
                : refuse(RuleId.MAX_ORDER_RATE, account.ordersLastMinute() + " orders were placed in the last minute, "
                        + "the limit is " + perMinute + " a minute including this one");
    }

    /** Once the day's loss has reached a daily limit, only orders that make a position smaller pass. */
    static RiskRule maxDailyLoss(RiskLimits limits) {
        return (intent, account) -> {
            Option<String> breach = DailyLoss.breach(account, limits);
            if (breach.isEmpty() || account.changeBy(intent).isReducing()) {
                return allow(RuleId.MAX_DAILY_LOSS);
            }
            return refuse(RuleId.MAX_DAILY_LOSS, breach.get() + "; only position-reducing orders are allowed");
        };
    }

    private static Either<RiskRefusal, Allowance> allow(RuleId rule) {
        return Either.right(new Allowance(rule));
    }

    private static Either<RiskRefusal, Allowance> refuse(RuleId rule, String reason) {
        return Either.left(new RiskRefusal(rule, reason));
    }
}
