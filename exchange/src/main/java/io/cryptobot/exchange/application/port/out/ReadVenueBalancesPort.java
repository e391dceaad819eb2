package io.cryptobot.exchange.application.port.out;

import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.connection.VenueBalance;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** Reads a venue account's balances with its keys: the connection test's signed balance call, nothing else. */
public interface ReadVenueBalancesPort {
    boolean supports(Venue venue);

    /** Only for a venue it {@link #supports}; what the venue answers (or not) is in the result, never thrown. */
    Either<VenueFailure, List<VenueBalance>> balances(Venue venue, Credentials credentials);
}
