package io.cryptobot.marketdata.adapter.out.event;

import io.cryptobot.marketdata.application.port.out.PublishInstrumentStatusPort;
import io.cryptobot.marketdata.domain.event.InstrumentStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/** Instrument status changes as synchronous CDI events, like the kill switch's: one instance, no fan-out yet. */
@ApplicationScoped
class CdiInstrumentStatusPublisher implements PublishInstrumentStatusPort {
    private final Event<InstrumentStatusChanged> events;

    CdiInstrumentStatusPublisher(Event<InstrumentStatusChanged> events) {
        this.events = events;
    }

    @Override
    public void publish(InstrumentStatusChanged changed) {
        events.fire(changed);
    }
}
