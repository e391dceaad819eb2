package io.cryptobot.risk.domain;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Money;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.Objects;

/**
 * The limits an account trades under; every limit is optional, and an absent limit means its rule is not
 * applied. Amounts are positive and in the account currency; shares are more than 0% and at most 100%
 * ({@link Share}); the open-order limit is at least one; the notional and daily-loss limits share one currency.
 *
 * @param maxOrderNotional the largest quantity times reference price one order may have
 * @param maxPositionShare the largest share of equity one position may reach after an order
 * @param maxOpenOrders the most orders that may be open at once, counting the new one
 * @param maxDailyLoss the day's loss (realized + unrealized) at which new risk is refused
 * @param maxDailyLossShare the same as a share of the day-start equity
 */
public record RiskLimits(Option<Money> maxOrderNotional, Option<Share> maxPositionShare,
        Option<Integer> maxOpenOrders, Option<Money> maxDailyLoss, Option<Share> maxDailyLossShare,
        Option<Share> maxAssetExposure, Option<Integer> maxOrdersPerMinute) {

    /** The limits without exposure-per-asset and order-rate caps. */
    public RiskLimits(Option<Money> maxOrderNotional, Option<Share> maxPositionShare, Option<Integer> maxOpenOrders,
                      Option<Money> maxDailyLoss, Option<Share> maxDailyLossShare) {
        this(maxOrderNotional, maxPositionShare, maxOpenOrders, maxDailyLoss, maxDailyLossShare, Option.none(),
                Option.none());
    }

    public RiskLimits {
        Objects.requireNonNull(maxAssetExposure, "maxAssetExposure");
        Objects.requireNonNull(maxOrdersPerMinute, "maxOrdersPerMinute");
        maxOrdersPerMinute.forEach(limit -> {
            if (limit < 1) {
                throw new IllegalArgumentException("max orders per minute must be at least 1, got " + limit);
            }
        });
        Objects.requireNonNull(maxOrderNotional, "maxOrderNotional");
        Objects.requireNonNull(maxPositionShare, "maxPositionShare");
        Objects.requireNonNull(maxOpenOrders, "maxOpenOrders");
        Objects.requireNonNull(maxDailyLoss, "maxDailyLoss");
        Objects.requireNonNull(maxDailyLossShare, "maxDailyLossShare");
        maxOrderNotional.forEach(limit -> requirePositive("max order notional", limit));
        maxDailyLoss.forEach(limit -> requirePositive("max daily loss", limit));
        maxOpenOrders.forEach(limit -> {
            if (limit < 1) {
                throw new IllegalArgumentException("max open orders must be at least 1, got " + limit);
            }
        });
        if (maxOrderNotional.isDefined() && maxDailyLoss.isDefined()
                && !maxOrderNotional.get().asset().equals(maxDailyLoss.get().asset())) {
            throw new IllegalArgumentException("limits must share one currency, got " + maxOrderNotional.get().asset()
                    + " and " + maxDailyLoss.get().asset());
        }
    }

    /**
     * Limits from input that may be wrong: every violation is collected (for a client to fix all at once)
     * instead of the first one being thrown.
     */
    /**
     * These limits and {@code other} together: each limit the stricter of the two (a smaller amount, share or
     * count), a limit set on one side only kept. A bot's own limits combine with its owner's this way. Amounts
     * must share one currency.
     */
    public RiskLimits tighterOf(RiskLimits other) {
        return new RiskLimits(smallerAmount(maxOrderNotional, other.maxOrderNotional),
                smallerShare(maxPositionShare, other.maxPositionShare), smaller(maxOpenOrders, other.maxOpenOrders),
                smallerAmount(maxDailyLoss, other.maxDailyLoss), smallerShare(maxDailyLossShare, other.maxDailyLossShare),
                smallerShare(maxAssetExposure, other.maxAssetExposure),
                smaller(maxOrdersPerMinute, other.maxOrdersPerMinute));
    }

    private static Option<Money> smallerAmount(Option<Money> a, Option<Money> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.orElse(b);
        }
        if (!a.get().asset().equals(b.get().asset())) {
            throw new IllegalArgumentException("limits in " + a.get().asset() + " and " + b.get().asset()
                    + " cannot be compared");
        }
        return a.get().toBigDecimal().compareTo(b.get().toBigDecimal()) <= 0 ? a : b;
    }

    private static Option<Share> smallerShare(Option<Share> a, Option<Share> b) {
        return a.isEmpty() || b.isEmpty() ? a.orElse(b) : a.get().basisPoints() <= b.get().basisPoints() ? a : b;
    }

    private static Option<Integer> smaller(Option<Integer> a, Option<Integer> b) {
        return a.isEmpty() || b.isEmpty() ? a.orElse(b) : a.get() <= b.get() ? a : b;
    }

    /** The currency the amounts are in, when an amount limit is set (the constructor makes them agree). */
    public Option<Asset> currency() {
        return maxOrderNotional.orElse(maxDailyLoss).map(Money::asset);
    }

    public static Validation<Seq<String>, RiskLimits> checked(Option<Money> maxOrderNotional,
            Option<Share> maxPositionShare, Option<Integer> maxOpenOrders, Option<Money> maxDailyLoss,
            Option<Share> maxDailyLossShare) {
        Seq<String> violations = List.of(
                        maxOrderNotional.filter(limit -> limit.units() <= 0)
                                .map(limit -> "max order notional must be positive, got " + limit),
                        maxOpenOrders.filter(limit -> limit < 1)
                                .map(limit -> "max open orders must be at least 1, got " + limit),
                        maxDailyLoss.filter(limit -> limit.units() <= 0)
                                .map(limit -> "max daily loss must be positive, got " + limit))
                .flatMap(violation -> violation);
        if (violations.isEmpty() && maxOrderNotional.isDefined() && maxDailyLoss.isDefined()
                && !maxOrderNotional.get().asset().equals(maxDailyLoss.get().asset())) {
            violations = violations.append("limits must share one currency, got " + maxOrderNotional.get().asset()
                    + " and " + maxDailyLoss.get().asset());
        }
        return violations.isEmpty()
                ? Validation.valid(new RiskLimits(maxOrderNotional, maxPositionShare, maxOpenOrders, maxDailyLoss,
                        maxDailyLossShare))
                : Validation.invalid(violations);
    }

    /** No limits at all: only the trading state and reduce-only orders are checked. */
    public static RiskLimits none() {
        return new RiskLimits(Option.none(), Option.none(), Option.none(), Option.none(), Option.none());
    }

    public RiskLimits withMaxOrderNotional(Money limit) {
        return new RiskLimits(Option.of(limit), maxPositionShare, maxOpenOrders, maxDailyLoss, maxDailyLossShare);
    }

    public RiskLimits withMaxPositionShare(Share limit) {
        return new RiskLimits(maxOrderNotional, Option.of(limit), maxOpenOrders, maxDailyLoss, maxDailyLossShare);
    }

    public RiskLimits withMaxOpenOrders(int limit) {
        return new RiskLimits(maxOrderNotional, maxPositionShare, Option.of(limit), maxDailyLoss, maxDailyLossShare);
    }

    public RiskLimits withMaxDailyLoss(Money limit) {
        return new RiskLimits(maxOrderNotional, maxPositionShare, maxOpenOrders, Option.of(limit), maxDailyLossShare);
    }

    public RiskLimits withMaxDailyLossShare(Share limit) {
        return new RiskLimits(maxOrderNotional, maxPositionShare, maxOpenOrders, maxDailyLoss, Option.of(limit));
    }

    private static void requirePositive(String name, Money limit) {
        Objects.requireNonNull(limit, name);
        if (limit.units() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + limit);
        }
    }
}
