package io.cryptobot.kernel.domain.market;

import io.cryptobot.kernel.domain.InstrumentId;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One symbol of a venue's exchange information: the platform's instrument id, the venue's own symbol
 * ({@code BTCUSDT}, {@code BTC-USDT}), price tick, quantity step, minimum order notional (when the venue has one)
 * and whether it trades.
 */
public record VenueSymbol(InstrumentId instrument, String venueSymbol, BigDecimal tickSize, BigDecimal stepSize,
                          Option<BigDecimal> minNotional, Status status) {

    public VenueSymbol {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(venueSymbol, "venueSymbol");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(minNotional, "minNotional");
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
