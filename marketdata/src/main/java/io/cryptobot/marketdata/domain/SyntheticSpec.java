package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Objects;

/**
 * What a synthetic series looks like: {@code count} candles from the aligned {@code from}, a geometric random
 * walk from {@code startPrice} with per-candle {@code drift} and {@code volatility} (mean and standard deviation
 * of the log return), volumes around {@code baseVolume}. The {@code seed} fixes every value.
 */
public record SyntheticSpec(Instrument instrument, Timeframe timeframe, long from, int count, long seed,
                            Price startPrice, double drift, double volatility, Quantity baseVolume) {
    public static final int MAX_COUNT = 10_000_000;
    public static final double MAX_VOLATILITY = 0.5;

    public SyntheticSpec {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(startPrice, "startPrice");
        Objects.requireNonNull(baseVolume, "baseVolume");
        Seq<Violation> violations = violations(instrument, timeframe, from, count, startPrice, drift, volatility,
                baseVolume);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.map(v -> v.field() + ": " + v.reason()).mkString("; "));
        }
    }

    public static Validation<Seq<Violation>, SyntheticSpec> of(Instrument instrument, Timeframe timeframe, long from,
                                                              int count, long seed, Price startPrice, double drift,
                                                              double volatility, Quantity baseVolume) {
        Seq<Violation> violations = violations(instrument, timeframe, from, count, startPrice, drift, volatility,
                baseVolume);
        return violations.isEmpty()
                ? Validation.valid(new SyntheticSpec(instrument, timeframe, from, count, seed, startPrice, drift,
                        volatility, baseVolume))
                : Validation.invalid(violations);
    }

    private static Seq<Violation> violations(Instrument instrument, Timeframe timeframe, long from, int count,
                                             Price startPrice, double drift, double volatility, Quantity baseVolume) {
        List<Violation> found = List.empty();
        if (!timeframe.isAligned(from)) {
            found = found.append(new Violation("from", "must be aligned to " + timeframe.code()));
        }
        if (count < 1 || count > MAX_COUNT) {
            found = found.append(new Violation("count", "must be between 1 and " + MAX_COUNT));
        }
        if (startPrice.scale() != instrument.priceScale() || startPrice.units() < instrument.tickSize().units()) {
            found = found.append(new Violation("startPrice", "must be at least one tick (" + instrument.tickSize()
                    + ") with at most " + instrument.priceScale() + " decimals"));
        }
        if (!Double.isFinite(drift) || Math.abs(drift) > 0.1) {
            found = found.append(new Violation("drift", "must be between -0.1 and 0.1 per candle"));
        }
        if (!Double.isFinite(volatility) || volatility < 0 || volatility > MAX_VOLATILITY) {
            found = found.append(new Violation("volatility", "must be between 0 and " + MAX_VOLATILITY
                    + " per candle"));
        }
        if (baseVolume.scale() != instrument.quantityScale() || baseVolume.units() < 0) {
            found = found.append(new Violation("baseVolume", "must not be negative and have at most "
                    + instrument.quantityScale() + " decimals"));
        }
        return found;
    }
}
