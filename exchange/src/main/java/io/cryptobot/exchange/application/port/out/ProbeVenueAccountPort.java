package io.cryptobot.exchange.application.port.out;

import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.connection.AccountProbe;
import io.cryptobot.kernel.domain.Venue;

/** Reads a live venue's clock and, with the given keys, the account: the connection test's view of a venue. */
public interface ProbeVenueAccountPort {
    boolean supports(Venue venue);

    /** Only for a venue it {@link #supports}; what the venue answers is in the probe, never thrown. */
    AccountProbe probe(Venue venue, Credentials credentials);
}
