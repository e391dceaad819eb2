package io.cryptobot.exchange.domain.fill;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the simulated venue charges and allows, as backtests and paper bots both take it from a request: maker
 * and taker fee rates charged in the quote (default 0.1 %, at most 10 %), fixed slippage in basis points
 * (default 0, at most 1,000) and the share of a candle's volume one order may take (default 10 %, above 0, at
 * most 1). Rates are kept at their shortest scale so equal costs are equal records.
 */
public record VenueCosts(Rate makerFee, Rate takerFee, long slippageBps, Rate maxVolumeShare) {
    public static final Rate DEFAULT_FEE = Rate.basisPoints(10);
    public static final Rate DEFAULT_VOLUME_SHARE = Rate.basisPoints(1_000);

    public VenueCosts {
        Objects.requireNonNull(makerFee, "makerFee");
        Objects.requireNonNull(takerFee, "takerFee");
        Objects.requireNonNull(maxVolumeShare, "maxVolumeShare");
    }

    /** Parses the four fields (blank = default), naming each invalid one by its request field. */
    public static Validation<Seq<Violation>, VenueCosts> parse(String makerFee, String takerFee, String slippageBps,
                                                               String maxVolumeShare) {
        Either<String, Rate> maker = rate(makerFee, DEFAULT_FEE, BigDecimal.valueOf(1, 1));
        Either<String, Rate> taker = rate(takerFee, DEFAULT_FEE, BigDecimal.valueOf(1, 1));
        Either<String, Rate> volumeShare = rate(maxVolumeShare, DEFAULT_VOLUME_SHARE, BigDecimal.ONE)
                .filterOrElse(r -> r.units() > 0, r -> "must be above 0");
        Either<String, Long> slippage = whole(slippageBps, 0, 0, 1_000);
        List<Violation> found = List.empty();
        found = found.appendAll(maker.swap().map(r -> new Violation("makerFee", r)));
        found = found.appendAll(taker.swap().map(r -> new Violation("takerFee", r)));
        found = found.appendAll(volumeShare.swap().map(r -> new Violation("maxVolumeShare", r)));
        found = found.appendAll(slippage.swap().map(r -> new Violation("slippageBps", r)));
        return found.isEmpty()
                ? Validation.valid(new VenueCosts(maker.get(), taker.get(), slippage.get(), volumeShare.get()))
                : Validation.invalid(found);
    }

    /** The simulated venue's fill model for one instrument at these costs. */
    public FillModel fillModel(InstrumentRules rules) {
        return new FillModel(rules, FeeSchedule.inQuote(makerFee, takerFee),
                SlippageModel.fixedBasisPoints(slippageBps), maxVolumeShare);
    }

    private static Either<String, Rate> rate(String text, Rate fallback, BigDecimal max) {
        if (text == null || text.isBlank()) {
            return Either.right(shortest(fallback));
        }
        return Rate.parse(text.trim()).mapLeft(r -> "must be a decimal fraction such as 0.001, got '" + text + "'")
                .filterOrElse(r -> r.toBigDecimal().compareTo(max) <= 0,
                        r -> "must be at most " + max.toPlainString())
                .map(VenueCosts::shortest);
    }

    private static Rate shortest(Rate rate) {
        BigDecimal value = rate.toBigDecimal().stripTrailingZeros();
        int scale = Math.max(value.scale(), 0);
        return new Rate(value.setScale(scale).unscaledValue().longValueExact(), scale);
    }

    private static Either<String, Long> whole(String text, long fallback, long min, long max) {
        if (text == null || text.isBlank()) {
            return Either.right(fallback);
        }
        try {
            long value = Long.parseLong(text.trim());
            return value < min || value > max
                    ? Either.left("must be between " + min + " and " + max)
                    : Either.right(value);
        } catch (NumberFormatException e) {
            return Either.left("must be a whole number, got '" + text + "'");
        }
    }
}
