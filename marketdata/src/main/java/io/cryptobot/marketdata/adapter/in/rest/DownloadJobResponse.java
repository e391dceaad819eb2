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
                                  String fetchedTimeframe, String from, String to, boolean fillGaps, int segments,
                                  String cursor, long rowsTotal, long rowsDone, long inserted, long duplicates,
                                  long incomplete, Long missingOnVenue, String note, String failure, String createdAt,
                                  String startedAt, String finishedAt, Long durationMillis) {

    static DownloadJobResponse of(DownloadJob job) {
        return new DownloadJobResponse(job.id().toString(), job.status().code(), job.request().instrument().toString(),
                job.request().timeframe().code(), job.source().code(),
                Instant.ofEpochMilli(job.request().range().from()).toString(),
                Instant.ofEpochMilli(job.request().range().to()).toString(), job.request().fillGaps(),
                job.segments().size(), Instant.ofEpochMilli(job.cursor()).toString(), job.rowsTotal(), job.rowsDone(),
                job.inserted(), job.duplicates(), job.incomplete(),
                job.status() == DownloadStatus.COMPLETED
                        ? job.rowsTotal() - job.inserted() - job.duplicates() - job.incomplete() : null,
                job.note().getOrNull(), job.failure().getOrNull(), job.createdAt().toString(),
                job.startedAt().map(Instant::toString).getOrNull(),
                job.finishedAt().map(Instant::toString).getOrNull(),
                job.startedAt().flatMap(s -> job.finishedAt().map(f -> Duration.between(s, f).toMillis())).getOrNull());
    }
}
