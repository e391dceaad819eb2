package io.cryptobot.exchange.adapter.out.venue;

import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.connection.AccountProbe;
import io.cryptobot.exchange.domain.connection.VenueBalance;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** One live venue's signed account read, used by the connection test and the wallet reconciliation. */
public interface VenueAccountReader {
    Venue venue();

    /** Reads the venue's clock, then the account with the keys; never throws for what the venue answers. */
    AccountProbe probe(Credentials credentials);

    /**
     * The account's balances with the keys: only the signed balance call the probe makes (no clock, no key
     * permissions), through the venue's rate limiter; every asset the venue lists, zero ones included or not.
     */
    Either<VenueFailure, List<VenueBalance>> balances(Credentials credentials);
}
