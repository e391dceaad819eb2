package io.cryptobot.marketdata.domain.event;

import io.cryptobot.kernel.domain.DomainEvent;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.market.VenueSymbol.Status;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The venue changed an instrument's trading status (say TRADING to HALTED, or the venue stopped listing it):
 * published by the instrument sync once the new status is stored. {@code previous} is TRADING when nothing was
 * known before. Positions may be opened only while the status is TRADING.
 */
public record InstrumentStatusChanged(EventMeta meta, InstrumentId instrument, Status previous, Status status,
                                      String reason) implements DomainEvent {
    public InstrumentStatusChanged {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public UUID eventId() {
        return meta.eventId();
    }

    @Override
    public Instant occurredAt() {
        return meta.occurredAt();
    }
}
