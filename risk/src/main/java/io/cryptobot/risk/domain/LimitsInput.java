package io.cryptobot.risk.domain;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.Money;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Risk limits as a client writes them, each optional: amounts as decimal text in {@code currency}, shares as
 * percentages (0 to 100, two decimals), open orders and orders per minute as whole numbers (1 to 10,000). {@link #parse} reports every invalid
 * field at once, under the field's own name.
 */
public record LimitsInput(String maxOrderNotional, String maxPositionSharePercent, String maxOpenOrders,
                          String maxDailyLoss, String maxDailyLossPercent, String maxAssetExposurePercent,
                          String maxOrdersPerMinute) {
    public static final LimitsInput NONE = new LimitsInput(null, null, null, null, null);

    /** The limits without exposure-per-asset and order-rate caps. */
    public LimitsInput(String maxOrderNotional, String maxPositionSharePercent, String maxOpenOrders,
                       String maxDailyLoss, String maxDailyLossPercent) {
        this(maxOrderNotional, maxPositionSharePercent, maxOpenOrders, maxDailyLoss, maxDailyLossPercent, null, null);
    }

    public Validation<Seq<Violation>, RiskLimits> parse(Asset currency) {
        Objects.requireNonNull(currency, "currency");
        Either<String, Option<Money>> notional = amount(maxOrderNotional, currency);
        Either<String, Option<Money>> dailyLoss = amount(maxDailyLoss, currency);
        Either<String, Option<Share>> positionShare = share(maxPositionSharePercent);
        Either<String, Option<Share>> dailyLossShare = share(maxDailyLossPercent);
        Either<String, Option<Integer>> openOrders = openOrders(maxOpenOrders);
        Either<String, Option<Share>> assetExposure = share(maxAssetExposurePercent);
        Either<String, Option<Integer>> perMinute = openOrders(maxOrdersPerMinute);
        List<Violation> found = List.empty();
        found = found.appendAll(notional.swap().map(r -> new Violation("maxOrderNotional", r)));
        found = found.appendAll(positionShare.swap().map(r -> new Violation("maxPositionSharePercent", r)));
        found = found.appendAll(openOrders.swap().map(r -> new Violation("maxOpenOrders", r)));
        found = found.appendAll(dailyLoss.swap().map(r -> new Violation("maxDailyLoss", r)));
        found = found.appendAll(dailyLossShare.swap().map(r -> new Violation("maxDailyLossPercent", r)));
        found = found.appendAll(assetExposure.swap().map(r -> new Violation("maxAssetExposurePercent", r)));
        found = found.appendAll(perMinute.swap().map(r -> new Violation("maxOrdersPerMinute", r)));
        return found.isEmpty()
                ? Validation.valid(new RiskLimits(notional.get(), positionShare.get(), openOrders.get(), dailyLoss.get(),
                        dailyLossShare.get(), assetExposure.get(), perMinute.get()))
                : Validation.invalid(found);
    }

    /** The text form of {@code limits}, which {@link #parse} reads back to equal limits. */
    public static LimitsInput of(RiskLimits limits) {
        return new LimitsInput(limits.maxOrderNotional().map(LimitsInput::plain).getOrNull(),
                limits.maxPositionShare().map(LimitsInput::percent).getOrNull(),
                limits.maxOpenOrders().map(String::valueOf).getOrNull(),
                limits.maxDailyLoss().map(LimitsInput::plain).getOrNull(),
                limits.maxDailyLossShare().map(LimitsInput::percent).getOrNull(),
                limits.maxAssetExposure().map(LimitsInput::percent).getOrNull(),
                limits.maxOrdersPerMinute().map(String::valueOf).getOrNull());
    }

    private static String plain(Money money) {
        return money.toBigDecimal().stripTrailingZeros().toPlainString();
    }

    private static String percent(Share share) {
        return BigDecimal.valueOf(share.basisPoints(), 2).stripTrailingZeros().toPlainString();
    }

    private static Either<String, Option<Money>> amount(String text, Asset currency) {
        if (text == null) {
            return Either.right(Option.none());
        }
        try {
            BigDecimal value = FixedPoint.decimal(text.strip()).stripTrailingZeros();
            if (value.signum() <= 0) {
                return Either.left("must be positive");
            }
            if (value.scale() > FixedPoint.MAX_SCALE || value.precision() - value.scale() > 15) {
                return Either.left("must have at most 15 digits before and " + FixedPoint.MAX_SCALE + " after the point");
            }
            int scale = Math.max(value.scale(), 0);
            return Either.right(Option.some(new Money(value.setScale(scale).unscaledValue().longValueExact(), scale,
                    currency)));
        } catch (NumberFormatException e) {
            return Either.left("must be a decimal number, got '" + text + "'");
        }
    }

    private static Either<String, Option<Share>> share(String text) {
        return text == null ? Either.right(Option.none()) : Share.parsePercent(text.strip()).map(Option::some);
    }

    private static Either<String, Option<Integer>> openOrders(String text) {
        if (text == null) {
            return Either.right(Option.none());
        }
        try {
            int value = Integer.parseInt(text.strip());
            return value >= 1 && value <= 10_000 ? Either.right(Option.some(value))
                    : Either.left("must be between 1 and 10000");
        } catch (NumberFormatException e) {
            return Either.left("must be a whole number, got '" + text + "'");
        }
    }
}
