package io.cryptobot.marketdata.domain.event;

import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * No closed candle of the feed for more than two intervals: {@code lastOpenTime} is the last one passed on (none if
 * no candle came since the feed started) and {@code silentMillis} how long the venue's clock has run since it closed.
 */
public record LiveFeedWentStale(EventMeta meta, InstrumentId instrument, Timeframe timeframe,
                                Option<Long> lastOpenTime, long silentMillis) implements LiveFeedEvent {
    public LiveFeedWentStale {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(lastOpenTime, "lastOpenTime");
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
