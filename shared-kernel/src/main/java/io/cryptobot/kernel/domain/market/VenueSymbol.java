package io.cryptobot.kernel.domain.market;

import io.cryptobot.kernel.domain.InstrumentId;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One symbol of a venue's exchange information: the platform's instrument id, the venue's own symbol
 * ({@code BTCUSDT}, {@code BTC-USDT}), price tick, quantity step, minimum order notional and percent-price band (when
 * the venue has them) and whether it trades.
 */
public record VenueSymbol(InstrumentId instrument, String venueSymbol, BigDecimal tickSize, BigDecimal stepSize,
                          Option<BigDecimal> minNotional, Option<PriceBand> priceBand, Status status) {

    /** A symbol without a percent-price band. */
    public VenueSymbol(InstrumentId instrument, String venueSymbol, BigDecimal tickSize, BigDecimal stepSize,
                       Option<BigDecimal> minNotional, Status status) {
        this(instrument, venueSymbol, tickSize, stepSize, minNotional, Option.none(), status);
    }

    public VenueSymbol {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(venueSymbol, "venueSymbol");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(minNotional, "minNotional");
        Objects.requireNonNull(priceBand, "priceBand");
        Objects.requireNonNull(status, "status");
    }

    /** TRADING opens positions; HALTED (break, auction, suspended) and DELISTED do not. */
    public enum Status {
        TRADING, HALTED, DELISTED;

        public boolean trading() {
            return this == TRADING;
        }
    }
}
