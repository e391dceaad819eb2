package io.cryptobot.exchange.domain.connection;

import java.math.BigDecimal;
import java.util.Objects;

/** One asset of a venue account as the venue spells it: what is free and what open orders lock. */
public record VenueBalance(String asset, BigDecimal free, BigDecimal locked) {
    public VenueBalance {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(free, "free");
        Objects.requireNonNull(locked, "locked");
    }

    public boolean isZero() {
        return free.signum() == 0 && locked.signum() == 0;
    }
}
