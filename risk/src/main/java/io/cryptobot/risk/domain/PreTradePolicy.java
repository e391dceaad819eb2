package io.cryptobot.risk.domain;

import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * The pre-trade check: every applicable rule, in a fixed order (trading state, reduce-only, opening blocked, daily
 * loss, order notional, position share, open orders), on one order against one account snapshot.
 *
 * <p>It reports <em>all</em> refusals, not only the first: every rule is cheap and pure, and a user who is
 * told every reason at once fixes the order in one go. {@link PreTradeRefusal#first()} is the most important
 * reason for a one-line message. Rules whose limit is not set are not run; the reduce-only rule runs only for
 * reduce-only orders or while trading is reducing, the opening rule only while openings are blocked.
 */
public record PreTradePolicy(RiskLimits limits) {
    public PreTradePolicy {
        Objects.requireNonNull(limits, "limits");
    }

    public Either<PreTradeRefusal, PreTradeAllowance> check(OrderIntent intent, AccountSnapshot account,
            TradingState state) {
        return check(intent, account, state, Option.none());
    }

    /**
     * The check while openings may be blocked: {@code openingBlocked} says why no position may be opened or added
     * to now (a stale feed, an instrument its venue halted), and then only position-reducing orders pass that rule.
     */
    public Either<PreTradeRefusal, PreTradeAllowance> check(OrderIntent intent, AccountSnapshot account,
            TradingState state, Option<String> openingBlocked) {
        List<Either<RiskRefusal, Allowance>> outcomes = rulesFor(intent, state, openingBlocked)
                .map(rule -> rule.check(intent, account));
        List<RiskRefusal> refusals = outcomes.filter(Either::isLeft).map(Either::getLeft);
        return refusals.isEmpty()
                ? Either.right(new PreTradeAllowance(outcomes.map(Either::get).map(Allowance::rule)))
                : Either.left(new PreTradeRefusal(refusals));
    }

    private List<RiskRule> rulesFor(OrderIntent intent, TradingState state, Option<String> openingBlocked) {
        boolean reduceOnly = intent.reduceOnly() || state == TradingState.REDUCING;
        boolean dailyLoss = limits.maxDailyLoss().isDefined() || limits.maxDailyLossShare().isDefined();
        return List.of(
                        Option.of(RiskRules.tradingState(state)),
                        reduceOnly ? Option.of(RiskRules.reduceOnly()) : Option.<RiskRule>none(),
                        openingBlocked.map(RiskRules::openingBlocked),
                        dailyLoss ? Option.of(RiskRules.maxDailyLoss(limits)) : Option.<RiskRule>none(),
                        limits.maxOrderNotional().map(RiskRules::maxOrderNotional),
                        limits.maxPositionShare().map(RiskRules::maxPositionShare),
                        limits.maxOpenOrders().map(RiskRules::maxOpenOrders),
                        limits.maxAssetExposure().map(RiskRules::maxAssetExposure),
                        limits.maxOrdersPerMinute().map(RiskRules::maxOrderRate))
                .flatMap(rule -> rule);
    }
}
