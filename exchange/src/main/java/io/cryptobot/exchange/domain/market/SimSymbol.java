package io.cryptobot.exchange.domain.market;

import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One symbol of the simulated live venue: its trading rules (tick, step, minimum notional) and the shape of its
 * random walk: the price at {@link SimulatedMarket#ORIGIN} ({@code startPrice}), the standard deviation of the
 * one-minute log return ({@code volatility}) and the typical volume of a minute ({@code baseVolume}, a multiple of
 * the step). Written in configuration as {@code BTC/USDT price=60000 tick=0.01 step=0.00001 min-notional=5
 * volatility=0.0008 volume=2.5}; min-notional, volatility (0.0008) and volume (1) may be left out.
 */
public record SimSymbol(InstrumentId instrument, BigDecimal startPrice, BigDecimal tickSize, BigDecimal stepSize,
                        Option<BigDecimal> minNotional, double volatility, BigDecimal baseVolume) {
    public static final double DEFAULT_VOLATILITY = 0.0008;
    public static final double MAX_VOLATILITY = 0.05;

    public SimSymbol {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(startPrice, "startPrice");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(minNotional, "minNotional");
        Objects.requireNonNull(baseVolume, "baseVolume");
        if (tickSize.signum() <= 0 || stepSize.signum() <= 0 || startPrice.compareTo(tickSize) < 0) {
            throw new IllegalArgumentException("tick and step must be positive and the start price at least a tick");
        }
        if (!(volatility >= 0 && volatility <= MAX_VOLATILITY)) {
            throw new IllegalArgumentException("volatility must be between 0 and " + MAX_VOLATILITY);
        }
        if (baseVolume.signum() < 0) {
            throw new IllegalArgumentException("base volume must not be negative");
        }
    }

    /** The venue's own name of the symbol, as Binance writes it: {@code BTCUSDT}. */
    public String venueSymbol() {
        return instrument.base().code() + instrument.quote().code();
    }

    /** How the venue lists it: always trading (the simulated venue never halts or delists). */
    public VenueSymbol listing() {
        return new VenueSymbol(instrument, venueSymbol(), tickSize, stepSize, minNotional, VenueSymbol.Status.TRADING);
    }

    /**
     * Parses a configured list: entries separated by commas, each {@code BASE/QUOTE key=value ...}. Every problem of
     * every entry is reported, prefixed with the entry's position.
     */
    public static Validation<Seq<String>, List<SimSymbol>> parseAll(Venue venue, String text) {
        if (text == null || text.isBlank()) {
            return Validation.invalid(List.of("at least one symbol is needed"));
        }
        List<String> problems = List.empty();
        List<SimSymbol> symbols = List.empty();
        String[] entries = text.split(",");
        for (int i = 0; i < entries.length; i++) {
            Validation<Seq<String>, SimSymbol> parsed = parse(venue, entries[i].trim());
            if (parsed.isValid()) {
                SimSymbol symbol = parsed.get();
                if (symbols.exists(s -> s.instrument().equals(symbol.instrument()))) {
                    problems = problems.append("symbol " + (i + 1) + ": " + symbol.instrument().symbol()
                            + " is listed twice");
                }
                symbols = symbols.append(symbol);
            } else {
                int position = i + 1;
                problems = problems.appendAll(parsed.getError().map(p -> "symbol " + position + ": " + p));
            }
        }
        return problems.isEmpty() ? Validation.valid(symbols) : Validation.invalid(problems);
    }

    static Validation<Seq<String>, SimSymbol> parse(Venue venue, String entry) {
        String[] words = entry.split("\\s+");
        Either<String, InstrumentId> instrument = words[0].isEmpty() ? Either.left("is empty")
                : InstrumentId.parse(venue, words[0].toUpperCase(Locale.ROOT));
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = instrument.isLeft() ? List.of(instrument.getLeft()) : List.empty();
        for (int w = 1; w < words.length; w++) {
            int equals = words[w].indexOf('=');
            String key = equals < 0 ? words[w] : words[w].substring(0, equals).toLowerCase(Locale.ROOT);
            if (equals < 0 || !java.util.Set.of("price", "tick", "step", "min-notional", "volatility", "volume")
                    .contains(key)) {
                problems = problems.append("'" + words[w] + "' is not one of price=, tick=, step=, min-notional=, "
                        + "volatility=, volume=");
            } else if (values.put(key, words[w].substring(equals + 1)) != null) {
                problems = problems.append(key + " is given twice");
            }
        }
        Either<String, BigDecimal> price = decimal(values, "price", null);
        Either<String, BigDecimal> tick = decimal(values, "tick", null);
        Either<String, BigDecimal> step = decimal(values, "step", null);
        Either<String, BigDecimal> volume = decimal(values, "volume", "1");
        Either<String, Option<BigDecimal>> minNotional = values.containsKey("min-notional")
                ? decimal(values, "min-notional", null).map(Option::some) : Either.right(Option.none());
        Either<String, Double> volatility = decimal(values, "volatility", String.valueOf(DEFAULT_VOLATILITY))
                .map(BigDecimal::doubleValue)
                .filterOrElse(v -> v <= MAX_VOLATILITY, v -> "volatility must be at most " + MAX_VOLATILITY);
        for (Either<String, ?> value : java.util.List.of(price, tick, step, volume, minNotional, volatility)) {
            if (value.isLeft()) {
                problems = problems.append(value.getLeft());
            }
        }
        if (problems.isEmpty()) {
            if (price.get().compareTo(tick.get()) < 0) {
                problems = problems.append("price must be at least one tick");
            }
            if (FixedPoint.scaleOf(tick.get()) > FixedPoint.MAX_SCALE
                    || FixedPoint.scaleOf(step.get()) > FixedPoint.MAX_SCALE) {
                problems = problems.append("tick and step may have at most " + FixedPoint.MAX_SCALE + " decimals");
            }
            if (volume.get().remainder(step.get()).signum() != 0) {
                problems = problems.append("volume must be a multiple of the step");
            }
        }
        return problems.isEmpty()
                ? Validation.valid(new SimSymbol(instrument.get(), price.get(), tick.get(), step.get(), minNotional.get(),
                        volatility.get(), volume.get()))
                : Validation.invalid(problems);
    }

    private static Either<String, BigDecimal> decimal(Map<String, String> values, String key, String fallback) {
        String text = values.getOrDefault(key, fallback);
        if (text == null) {
            return Either.left(key + "= is missing");
        }
        try {
            BigDecimal value = FixedPoint.decimal(text).stripTrailingZeros();
            return value.signum() < 0 || (value.signum() == 0 && !key.equals("volatility") && !key.equals("volume"))
                    ? Either.left(key + " must be positive, got " + text)
                    : Either.right(value.scale() < 0 ? value.setScale(0) : value);
        } catch (NumberFormatException e) {
            return Either.left(key + " '" + text + "' is not a decimal number");
        }
    }
}
