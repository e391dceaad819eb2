package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.market.PriceBand;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An instrument's trading rules as its venue states them, in the venue's decimals: its own symbol, the price tick,
 * the quantity step, the minimum order notional (in the quote asset, when the venue has one) and the percent-price
 * band (when it has one).
 */
public record VenueRules(String venueSymbol, BigDecimal tickSize, BigDecimal stepSize,
                         Option<BigDecimal> minNotional, Option<PriceBand> priceBand) {

    /** Rules without a percent-price band. */
    public VenueRules(String venueSymbol, BigDecimal tickSize, BigDecimal stepSize, Option<BigDecimal> minNotional) {
        this(venueSymbol, tickSize, stepSize, minNotional, Option.none());
    }

    public VenueRules {
        Objects.requireNonNull(priceBand, "priceBand");
        Objects.requireNonNull(venueSymbol, "venueSymbol");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(minNotional, "minNotional");
        if (tickSize.signum() <= 0 || stepSize.signum() <= 0) {
            throw new IllegalArgumentException("tick and step must be positive");
        }
    }
}
