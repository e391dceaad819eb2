package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * A download: {@code fetchedTimeframe} is what the venue was asked for (the requested timeframe, or a finer one
 * resampled); {@code segments} the number of intervals fetched (1, or the gaps found); {@code cursor} where it goes
 * on after a restart. Once completed, {@code missingOnVenue} = candles the venue does not have.
 */
public record DownloadJobResponse(String id, String status, String instrument, String timeframe,
                                  String fetchedTimeframe, Instant from, Instant to, boolean fillGaps, int segments,
                                  Instant cursor, long rowsTotal, long rowsDone, long inserted, long duplicates,
                                  long incomplete, Long missingOnVenue, String note, String failure, Instant createdAt,
                                  Instant startedAt, Instant finishedAt, Long durationMillis) {

    static DownloadJobResponse of(DownloadJob job) {
        return new DownloadJobResponse(job.id().toString(), job.status().code(), job.request().instrument().toString(),
                job.request().timeframe().code(), job.source().code(),
                Instant.ofEpochMilli(job.request().range().from()), Instant.ofEpochMilli(job.request().range().to()),
                job.request().fillGaps(), job.segments().size(), Instant.ofEpochMilli(job.cursor()), job.rowsTotal(),
                job.rowsDone(), job.inserted(), job.duplicates(), job.incomplete(),
                job.status() == DownloadStatus.COMPLETED
                        ? job.rowsTotal() - job.inserted() - job.duplicates() - job.incomplete() : null,
                job.note().getOrNull(), job.failure().getOrNull(), job.createdAt(), job.startedAt().getOrNull(),
                job.finishedAt().getOrNull(),
                job.startedAt().flatMap(s -> job.finishedAt().map(f -> Duration.between(s, f).toMillis())).getOrNull());
    }
}
