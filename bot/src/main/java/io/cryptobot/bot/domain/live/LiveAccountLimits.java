package io.cryptobot.bot.domain.live;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.FixedPoint;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The limits a live account (a venue connection) trades under, whoever places the order on it (a bot's strategy
 * or its owner by hand): the largest notional of one order and the day's loss at which new risk stops. Both are
 * set, in one currency, and never looser than the owner's own limits where the owner keeps them (checked when they
 * are set, {@link #looserThan}). They apply on top of the owner's and the bot's limits (the session's pre-trade
 * check): the tightest wins, because every check must pass.
 *
 * <p>Rules, judged right before an order would leave for the venue ({@link #refusal}):
 * <ul>
 *   <li>{@code account_max_order_notional}: an order valued in another currency than the limits' is refused (it
 *   cannot be judged); quantity times the limit price (a market order: the reference price,
 *   the last close; without one it is not judged here) must not exceed the limit; at the limit passes; every order,
 *   buying or selling;</li>
 *   <li>{@code account_max_daily_loss}: once the day's P&L (the session's, from the UTC day's start) is at or below
 *   minus the limit, only an order that shrinks the held position passes (a sell of at most what is held).</li>
 * </ul>
 */
public record LiveAccountLimits(Money maxOrderNotional, Money maxDailyLoss) {
    public static final String MAX_ORDER_NOTIONAL = "account_max_order_notional";
    public static final String MAX_DAILY_LOSS = "account_max_daily_loss";

    public LiveAccountLimits {
        Objects.requireNonNull(maxOrderNotional, "maxOrderNotional");
        Objects.requireNonNull(maxDailyLoss, "maxDailyLoss");
        if (!maxOrderNotional.asset().equals(maxDailyLoss.asset())) {
            throw new IllegalArgumentException("both limits are in one currency");
        }
        if (maxOrderNotional.toBigDecimal().signum() <= 0 || maxDailyLoss.toBigDecimal().signum() <= 0) {
            throw new IllegalArgumentException("limits are positive");
        }
    }

    /** An order refused by one of these limits: the rule and why, with the numbers. */
    public record Refusal(String rule, String reason) {
    }

    /** Limits from a client's text: every field wrong is named at once. */
    public static Validation<Seq<Violation>, LiveAccountLimits> parse(String currency, String maxOrderNotional,
                                                                      String maxDailyLoss) {
        Either<String, Asset> asset = currency == null ? Either.left("is required, e.g. USDT")
                : Asset.parse(currency.strip());
        List<Violation> found = List.empty();
        if (asset.isLeft()) {
            found = found.append(new Violation("currency", asset.getLeft()));
        }
        if (maxOrderNotional == null) {
            found = found.append(new Violation("maxOrderNotional", "is required: the largest order notional on the "
                    + "live account"));
        }
        if (maxDailyLoss == null) {
            found = found.append(new Violation("maxDailyLoss", "is required: the day's loss at which the live "
                    + "account takes no new risk"));
        }
        Either<String, BigDecimal> notional = amount(maxOrderNotional);
        Either<String, BigDecimal> loss = amount(maxDailyLoss);
        if (maxOrderNotional != null && notional.isLeft()) {
            found = found.append(new Violation("maxOrderNotional", notional.getLeft()));
        }
        if (maxDailyLoss != null && loss.isLeft()) {
            found = found.append(new Violation("maxDailyLoss", loss.getLeft()));
        }
        if (!found.isEmpty()) {
            return Validation.invalid(found);
        }
        return Validation.valid(new LiveAccountLimits(Money.of(notional.get(), asset.get()),
                Money.of(loss.get(), asset.get())));
    }

    private static Either<String, BigDecimal> amount(String text) {
        if (text == null) {
            return Either.left("is required");
        }
        try {
            BigDecimal value = FixedPoint.decimal(text.strip()).stripTrailingZeros();
            if (value.signum() <= 0) {
                return Either.left("must be positive");
            }
            if (value.scale() > FixedPoint.MAX_SCALE || value.precision() - value.scale() > 15) {
                return Either.left("must have at most 15 digits before and " + FixedPoint.MAX_SCALE
                        + " after the point");
            }
            return Either.right(value.scale() < 0 ? value.setScale(0) : value);
        } catch (NumberFormatException e) {
            return Either.left("must be a decimal number, got '" + text + "'");
        }
    }

    public Asset currency() {
        return maxOrderNotional.asset();
    }

    /**
     * Where these limits are looser than the owner's (a larger max order notional or max daily loss than the
     * owner's own), or cannot be compared with them (another currency); empty when they fit.
     */
    public Seq<Violation> looserThan(Option<Asset> ownersCurrency, Option<Money> ownersMaxOrderNotional,
                                     Option<Money> ownersMaxDailyLoss) {
        if (ownersCurrency.isDefined() && !ownersCurrency.get().equals(currency())) {
            return List.of(new Violation("currency", currency() + " differs from the currency of your own limits, "
                    + ownersCurrency.get() + ": the account's limits must be comparable with yours"));
        }
        return looser("maxOrderNotional", "max order notional", maxOrderNotional, ownersMaxOrderNotional)
                .appendAll(looser("maxDailyLoss", "max daily loss", maxDailyLoss, ownersMaxDailyLoss));
    }

    private static List<Violation> looser(String field, String what, Money own, Option<Money> owners) {
        if (owners.isEmpty() || own.toBigDecimal().compareTo(owners.get().toBigDecimal()) <= 0) {
            return List.empty();
        }
        return List.of(new Violation(field, plain(own.toBigDecimal()) + " is looser than your own " + what + " of "
                + plain(owners.get().toBigDecimal()) + "; a live account cannot trade under a wider limit than yours"));
    }

    /**
     * Why {@code order} may not leave: valued at its limit price or else at {@code reference}; {@code dayPnl} is the
     * day's P&L of the account's session (a loss negative) and {@code held} what it holds of the order's base asset.
     */
    public Option<Refusal> refusal(VenueOrder order, Option<Price> reference, Money dayPnl, Quantity held) {
        if (!order.instrument().quote().equals(currency())) {
            return Option.some(new Refusal(MAX_ORDER_NOTIONAL, "order is valued in " + order.instrument().quote()
                    + " but the live account's limits are in " + currency()));
        }
        Option<BigDecimal> price = order.limitPrice().orElse(reference).map(Price::toBigDecimal);
        if (price.isDefined()) {
            BigDecimal notional = order.quantity().toBigDecimal().multiply(price.get());
            if (notional.compareTo(maxOrderNotional.toBigDecimal()) > 0) {
                return Option.some(new Refusal(MAX_ORDER_NOTIONAL, "order notional " + plain(notional) + " "
                        + order.instrument().quote() + " exceeds the live account's max order notional of "
                        + plain(maxOrderNotional.toBigDecimal()) + " " + currency()));
            }
        }
        BigDecimal loss = dayPnl.toBigDecimal().negate();
        boolean shrinks = order.side() == Side.SELL
                && order.quantity().toBigDecimal().compareTo(held.toBigDecimal()) <= 0;
        if (loss.compareTo(maxDailyLoss.toBigDecimal()) >= 0 && !shrinks) {
            return Option.some(new Refusal(MAX_DAILY_LOSS, "the day's P&L " + plain(dayPnl.toBigDecimal()) + " "
                    + currency() + " has reached the live account's max daily loss of "
                    + plain(maxDailyLoss.toBigDecimal()) + " " + currency() + "; only orders that shrink a position pass"));
        }
        return Option.none();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
