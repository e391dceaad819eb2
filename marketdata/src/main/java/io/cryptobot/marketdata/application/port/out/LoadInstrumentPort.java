package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.marketdata.domain.Instrument;
import io.vavr.control.Option;

public interface LoadInstrumentPort {
    Option<Instrument> load(InstrumentId id);

    Page<Instrument> list(PageRequest page);

    /** Every catalog instrument of one venue. */
    java.util.List<Instrument> ofVenue(Venue venue);
}
