package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.Quantity;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sizing a user chooses for a strategy's entries (its buys): all-in, a fixed base quantity, a fixed quote
 * amount (freqtrade's {@code stake_amount}) or a percent of equity. Exits are never chosen: they close what the
 * entry bought. Left out, each strategy keeps its own entry sizing (all-in, or DCA's and grid's {@code amount}).
 * Parsed once at the edge from text as a client sent it; every problem is reported, each naming its field
 * ({@code sizing.kind}, {@code sizing.quantity}, {@code sizing.amount}, {@code sizing.percent}).
 */
public final class EntrySizing {
    public static final String ALL_IN = "all_in";
    public static final String FIXED_QUANTITY = "fixed_quantity";
    public static final String QUOTE_AMOUNT = "quote_amount";
    public static final String PERCENT_OF_EQUITY = "percent_of_equity";
    /** Amounts and quantities from 10^15 on are refused as the other decimals of a request are. */
    private static final BigDecimal TOO_LARGE = new BigDecimal("1e15");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EntrySizing() {
    }

    /** The request's sizing as text, every field optional; a whole {@code null} raw means left out. */
    public record Raw(String kind, String quantity, String amount, String percent) {
    }

    /** How a strategy takes a chosen entry sizing. */
    public enum Use {
        /** It buys all-in by default; a chosen sizing replaces all-in. */
        REPLACES_ALL_IN,
        /**
         * It buys several times, each for its {@code amount} parameter; a chosen sizing replaces that amount, and
         * all-in (everything on the first buy) is refused, as is an {@code amount} given alongside a sizing.
         */
        REPLACES_AMOUNT,
        /** It places no orders of its own (manual): a chosen sizing is refused. */
        NONE
    }

    /** The chosen sizing, none when left out, or every problem with it. */
    public static Validation<Seq<Violation>, Option<Sizing>> parse(Raw raw) {
        if (raw == null) {
            return Validation.valid(Option.none());
        }
        String kind = raw.kind() == null ? "" : raw.kind().strip();
        List<Violation> found = List.empty();
        Option<Sizing> sizing = Option.none();
        switch (kind) {
            case ALL_IN -> sizing = Option.some(Sizing.ALL_IN);
            case FIXED_QUANTITY -> {
                var quantity = number(raw.quantity(), FIXED_QUANTITY)
                        .filterOrElse(q -> q.signum() > 0, q -> "must be positive, got " + q.toPlainString());
                found = found.appendAll(quantity.swap().map(r -> new Violation("sizing.quantity", r)));
                sizing = quantity.toOption().map(q -> {
                    BigDecimal plain = q.stripTrailingZeros();
                    int scale = Math.max(plain.scale(), 0);
                    return new Sizing.FixedQuantity(new Quantity(plain.setScale(scale).unscaledValue().longValueExact(),
                            scale));
                });
            }
            case QUOTE_AMOUNT -> {
                var amount = number(raw.amount(), QUOTE_AMOUNT)
                        .filterOrElse(a -> a.signum() > 0, a -> "must be positive, got " + a.toPlainString());
                found = found.appendAll(amount.swap().map(r -> new Violation("sizing.amount", r)));
                sizing = amount.toOption().map(Sizing.QuoteAmount::new);
            }
            case PERCENT_OF_EQUITY -> {
                var percent = number(raw.percent(), PERCENT_OF_EQUITY)
                        .filterOrElse(p -> p.signum() > 0 && p.compareTo(HUNDRED) <= 0,
                                p -> "must be above 0 and at most 100, got " + p.toPlainString());
                found = found.appendAll(percent.swap().map(r -> new Violation("sizing.percent", r)));
                sizing = percent.toOption().map(p -> new Sizing.FractionOfEquity(
                        p.divide(HUNDRED, p.scale() + 2, RoundingMode.UNNECESSARY)));
            }
            default -> found = found.append(new Violation("sizing.kind", (kind.isEmpty() ? "is missing"
                    : "unknown kind '" + kind + "'") + "; known: " + ALL_IN + ", " + FIXED_QUANTITY + ", "
                    + QUOTE_AMOUNT + ", " + PERCENT_OF_EQUITY));
        }
        if (!kind.isEmpty()) {
            // a number meant for another kind is a mistake worth naming, not something to ignore
            found = found.appendAll(unused("quantity", raw.quantity(), kind, FIXED_QUANTITY))
                    .appendAll(unused("amount", raw.amount(), kind, QUOTE_AMOUNT))
                    .appendAll(unused("percent", raw.percent(), kind, PERCENT_OF_EQUITY));
        }
        return found.isEmpty() ? Validation.valid(sizing) : Validation.invalid(found);
    }

    /**
     * A fixed quantity must be a whole number of the instrument's steps (at most its decimals), as the venue
     * would refuse anything else, and at most the largest quantity its scale holds; other sizings are rounded down to the step when they are turned into a quantity.
     */
    public static Seq<Violation> fitsStep(Option<Sizing> sizing, String instrument, Quantity step,
                                          BigDecimal largest) {
        if (sizing.isEmpty() || !(sizing.get() instanceof Sizing.FixedQuantity fixed)) {
            return List.empty();
        }
        BigDecimal quantity = fixed.quantity().toBigDecimal();
        if (quantity.compareTo(largest) > 0) {
            return List.of(new Violation("sizing.quantity", "is more than the quantity scale of " + instrument
                    + " holds; the largest accepted is " + largest.toPlainString()));
        }
        return quantity.remainder(step.toBigDecimal()).signum() == 0
                ? List.empty()
                : List.of(new Violation("sizing.quantity", "must be a whole number of steps of " + instrument
                        + " (step " + step + "), got " + quantity.toPlainString() + "; for example "
                        + quantity.subtract(quantity.remainder(step.toBigDecimal())).max(step.toBigDecimal())
                        .stripTrailingZeros().toPlainString()));
    }

    /** The sizing as the text fields it was parsed from (what is stored and shown back). */
    public static Raw raw(Sizing sizing) {
        return switch (sizing) {
            case Sizing.AllIn a -> new Raw(ALL_IN, null, null, null);
            case Sizing.FixedQuantity f -> new Raw(FIXED_QUANTITY, f.quantity().toString(), null, null);
            case Sizing.QuoteAmount q -> new Raw(QUOTE_AMOUNT, null, plain(q.amount()), null);
            case Sizing.FractionOfEquity f -> new Raw(PERCENT_OF_EQUITY, null, null,
                    plain(f.fraction().multiply(HUNDRED)));
            case Sizing.ClosePosition c -> throw new IllegalArgumentException("close position is an exit, not an entry");
        };
    }

    private static io.vavr.control.Either<String, BigDecimal> number(String text, String kind) {
        if (text == null || text.isBlank()) {
            return io.vavr.control.Either.left("is required for " + kind);
        }
        try {
            BigDecimal value = FixedPoint.decimal(text.strip());
            if (value.stripTrailingZeros().scale() > FixedPoint.MAX_SCALE) {
                return io.vavr.control.Either.left("at most " + FixedPoint.MAX_SCALE + " decimals, got " + text.strip());
            }
            return value.abs().compareTo(TOO_LARGE) >= 0
                    ? io.vavr.control.Either.left("is too large, got " + text.strip())
                    : io.vavr.control.Either.right(value);
        } catch (NumberFormatException e) {
            return io.vavr.control.Either.left("must be a decimal number, got '" + text + "'");
        }
    }

    private static Seq<Violation> unused(String field, String text, String kind, String owner) {
        return text == null || kind.equals(owner) ? List.empty()
                : List.of(new Violation("sizing." + field, "is not used by " + kind + " (only by " + owner + ")"));
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
