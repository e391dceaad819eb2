package io.cryptobot.exchange.domain.connection;

import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * What a venue adapter learned when it tried a connection's keys: a reading of the venue's clock (public, so it is
 * there even when the keys are refused) and the signed account call, each either answered or failed.
 */
public record AccountProbe(Either<VenueFailure, ClockReading> clock, SigningWindow window,
                           Either<VenueFailure, AccountAccess> account) {
    public AccountProbe {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(account, "account");
    }
}
