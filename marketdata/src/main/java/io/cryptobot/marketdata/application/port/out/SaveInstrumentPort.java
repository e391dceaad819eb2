package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.marketdata.domain.Instrument;

public interface SaveInstrumentPort {
    /** Stores a new instrument; false when one with the same id exists already (it is left unchanged). */
    boolean insertIfAbsent(Instrument instrument);
}
