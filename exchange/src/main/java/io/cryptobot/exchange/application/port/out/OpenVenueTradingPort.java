package io.cryptobot.exchange.application.port.out;

import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.execution.VenueTrading;

/** A live venue's trading adapter, bound to one account's keys. */
public interface OpenVenueTradingPort {
    boolean supports(Venue venue);

    /** Only for a venue it {@link #supports}; opening sends nothing to the venue. */
    VenueTrading open(Venue venue, Credentials credentials);
}
