package io.cryptobot.marketdata.domain.event;

import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A stale feed passed a closed candle on again ({@code openTime}) after being stale for {@code staleMillis}. */
public record LiveFeedFreshAgain(EventMeta meta, InstrumentId instrument, Timeframe timeframe, long openTime,
                                 long staleMillis) implements LiveFeedEvent {
    public LiveFeedFreshAgain {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
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
