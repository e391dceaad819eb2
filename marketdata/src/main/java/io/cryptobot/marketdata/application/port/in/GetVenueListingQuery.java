package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.marketdata.domain.VenueListing;
import io.vavr.control.Option;

/** What the venue last said about an instrument (rules and status); none before its first sync. */
public interface GetVenueListingQuery {
    Option<VenueListing> listing(InstrumentId instrument);
}
