package io.cryptobot.exchange.adapter.out.venue;

import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.connection.AccountProbe;
import io.cryptobot.kernel.domain.Venue;

/** One live venue's signed account read, used by the connection test. */
public interface VenueAccountReader {
    Venue venue();

    /** Reads the venue's clock, then the account with the keys; never throws for what the venue answers. */
    AccountProbe probe(Credentials credentials);
}
