package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A pair the catalog knows, with the finest price step ({@code tickSize}) and quantity step ({@code stepSize})
 * it has ever traded at. Their decimals fix the instrument's price and quantity scales: every stored price of
 * the instrument is a whole multiple of the tick, every volume fits the quantity scale.
 */
public record Instrument(InstrumentId id, Price tickSize, Quantity stepSize) {

    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(stepSize, "stepSize");
        if (tickSize.units() <= 0 || stepSize.units() <= 0) {
            throw new IllegalArgumentException("tick and step sizes must be positive");
        }
    }

    /** Validates a definition as a client sends it, listing every problem at once. */
    public static Validation<Seq<Violation>, Instrument> define(String venue, String base, String quote,
                                                                String tickSize, String stepSize) {
        Either<String, Asset> parsedBase = Asset.parse(base);
        Either<String, Asset> parsedQuote = Asset.parse(quote).flatMap(q -> parsedBase.exists(q::equals)
                ? Either.left("base and quote must differ")
                : Either.right(q));
        return Validation.combine(
                        field("venue", Venue.parse(venue)),
                        field("base", parsedBase),
                        field("quote", parsedQuote),
                        field("tickSize", step(tickSize).map(s -> new Price(s[0], (int) s[1]))),
                        field("stepSize", step(stepSize).map(s -> new Quantity(s[0], (int) s[1]))))
                .ap((v, b, q, tick, step) -> new Instrument(new InstrumentId(v, b, q), tick, step));
    }

    /**
     * Defines an instrument from its venue's listing, for a pair the catalog does not know yet: the venue's tick and
     * step become the instrument's (and fix its scales from then on).
     */
    public static Either<String, Instrument> fromVenue(VenueSymbol symbol) {
        return step(symbol.tickSize().toPlainString()).mapLeft(reason -> "the venue's tick " + reason)
                .flatMap(tick -> step(symbol.stepSize().toPlainString()).mapLeft(reason -> "the venue's step " + reason)
                        .map(step -> new Instrument(symbol.instrument(), new Price(tick[0], (int) tick[1]),
                                new Quantity(step[0], (int) step[1]))));
    }

    /**
     * A venue's candle at this instrument's scales, or why it cannot be stored exactly: a price that is not a whole
     * number of ticks, a volume with more decimals than the step, or values breaking OHLC sanity.
     */
    public Either<String, Candle> candle(VenueCandle candle) {
        Either<String, Price> open = price(candle.open().toPlainString());
        Either<String, Price> high = price(candle.high().toPlainString());
        Either<String, Price> low = price(candle.low().toPlainString());
        Either<String, Price> close = price(candle.close().toPlainString());
        Either<String, Quantity> volume = quantity(candle.volume().toPlainString());
        for (Either<String, ?> value : java.util.List.of(open, high, low, close, volume)) {
            if (value.isLeft()) {
                return Either.left(value.getLeft());
            }
        }
        return Candle.checked(candle.openTime(), open.get(), high.get(), low.get(), close.get(), volume.get())
                .toEither().mapLeft(violations -> violations.mkString("; "));
    }

    public int priceScale() {
        return tickSize.scale();
    }

    public int quantityScale() {
        return stepSize.scale();
    }

    /** Why a price of this instrument cannot be stored as given, if it cannot. */
    public Either<String, Price> price(CharSequence text) {
        return Price.parse(text, priceScale()).flatMap(p -> p.units() % tickSize.units() == 0
                ? Either.right(p)
                : Either.left("price " + p + " is not a multiple of the tick " + tickSize));
    }

    public Either<String, Quantity> quantity(CharSequence text) {
        return Quantity.parse(text, quantityScale());
    }

    /** Parses a positive step ({@code 0.01}) into units and scale, the scale being the decimals it needs. */
    private static Either<String, long[]> step(String text) {
        if (text == null || text.isBlank()) {
            return Either.left("is missing");
        }
        BigDecimal value;
        try {
            value = FixedPoint.decimal(text.trim());
        } catch (NumberFormatException e) {
            return Either.left("'" + text + "' is not a decimal number");
        }
        if (value.signum() <= 0) {
            return Either.left("must be positive, got " + text);
        }
        int scale = FixedPoint.scaleOf(value);
        if (scale > FixedPoint.MAX_SCALE) {
            return Either.left("must have at most " + FixedPoint.MAX_SCALE + " decimals, got " + text);
        }
        BigDecimal units = value.movePointRight(scale);
        if (units.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Either.left("is too large");
        }
        return Either.right(new long[] {units.longValueExact(), scale});
    }

    private static <T> Validation<Violation, T> field(String name, Either<String, T> parsed) {
        return Validation.fromEither(parsed.mapLeft(reason -> new Violation(name, reason)));
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
