package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.marketdata.domain.Instrument;

/** The catalog ordered by venue, base and quote. */
public interface ListInstrumentsQuery {
    Page<Instrument> list(PageRequest page);
}
