package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.marketdata.domain.Dataset;
import io.cryptobot.marketdata.domain.StoredData;
import java.time.Instant;
import java.util.List;

/**
 * The caller's private datasets: {@code stored} candles in all, against {@code limit}
 * ({@code cryptobot.limits.stored-candles-per-user}, named {@code stored-candles-per-user} in refusals); {@code first} and {@code last} are the open times of each
 * dataset's oldest and newest candle.
 */
public record DatasetsResponse(long stored, long limit, List<DatasetResponse> datasets) {

    public record DatasetResponse(String instrument, String timeframe, long candles, Instant first, Instant last) {
        static DatasetResponse of(Dataset dataset) {
            return new DatasetResponse(dataset.instrument().toString(), dataset.timeframe().code(), dataset.candles(),
                    dataset.first().map(Instant::ofEpochMilli).getOrNull(),
                    dataset.last().map(Instant::ofEpochMilli).getOrNull());
        }
    }

    static DatasetsResponse of(StoredData data) {
        return new DatasetsResponse(data.stored(), data.limit().value(),
                data.datasets().stream().map(DatasetResponse::of).toList());
    }
}
