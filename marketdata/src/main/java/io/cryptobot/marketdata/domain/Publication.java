package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The record of an admin publishing a user's private dataset into the shared reference data: {@code added}
 * candles were new to the shared data, {@code replaced} took the place of shared candles at the same open time.
 * The private copies are gone afterwards, so {@code added + replaced} is the size the dataset had.
 */
public record Publication(UUID id, UserId admin, UserId owner, InstrumentId instrument, Timeframe timeframe,
                          long added, long replaced, Instant publishedAt) {
    public Publication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (added < 0 || replaced < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public long candles() {
        return added + replaced;
    }
}
