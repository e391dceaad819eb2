package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.marketdata.domain.event.InstrumentStatusChanged;

/** Tells the rest of the platform that an instrument's venue status changed; returns once every listener has run. */
public interface PublishInstrumentStatusPort {
    void publish(InstrumentStatusChanged changed);
}
