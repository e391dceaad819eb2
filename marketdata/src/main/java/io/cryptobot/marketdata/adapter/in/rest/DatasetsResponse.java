package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.marketdata.domain.Dataset;
import io.cryptobot.marketdata.domain.StoredData;
import java.time.Instant;
import java.util.List;

/**
 * The caller's private datasets: {@code stored} candles in all, against {@code limit}
 * ({@code cryptobot.limits.stored-candles-per-user}); {@code first} and {@code last} are the open times of each
 * dataset's oldest and newest candle.
 */
public record DatasetsResponse(long stored, long limit, List<DatasetResponse> datasets) {

    public record DatasetResponse(String instrument, String timeframe, long candles, String first, String last) {
        static DatasetResponse of(Dataset dataset) {
            return new DatasetResponse(dataset.instrument().toString(), dataset.timeframe().code(), dataset.candles(),
                    dataset.first().map(t -> Instant.ofEpochMilli(t).toString()).getOrNull(),
                    dataset.last().map(t -> Instant.ofEpochMilli(t).toString()).getOrNull());
        }
    }

    static DatasetsResponse of(StoredData data) {
        return new DatasetsResponse(data.stored(), data.limit().value(),
                data.datasets().stream().map(DatasetResponse::of).toList());
    }
}
