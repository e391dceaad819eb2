package io.cryptobot.kernel.domain.market;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A closed candle as the venue reports it, in the venue's decimals (the market-data context fits them to the
 * instrument's scales). {@code openTime} is epoch milliseconds UTC.
 */
public record VenueCandle(long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                          BigDecimal volume) {
    public VenueCandle {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
    }
}
