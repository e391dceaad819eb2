package io.cryptobot.marketdata.domain;

import java.util.List;
import java.util.Objects;

/** A user's private datasets and how many candles they hold in all, against the limit. */
public record StoredData(List<Dataset> datasets, long stored, StoredCandlesLimit limit) {
    public StoredData {
        datasets = List.copyOf(datasets);
        Objects.requireNonNull(limit, "limit");
        if (stored < 0) {
            throw new IllegalArgumentException("stored must not be negative");
        }
    }
}
