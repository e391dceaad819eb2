package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import java.util.Objects;

/**
 * What a user asked to download: candles of {@code instrument} at {@code timeframe} opening in {@code range}; with
 * {@code fillGaps}, only the intervals the gap report finds missing in the store. Two requests are the same request
 * when every field is equal.
 */
public record DownloadRequest(InstrumentId instrument, Timeframe timeframe, TimeRange range, boolean fillGaps) {
    public DownloadRequest {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(range, "range");
    }
}
