package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.marketdata.domain.ImportJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code dataset}: where the candles go, {@code private} (the owner's own dataset) or {@code shared}. */
public record ImportJobResponse(String id, String status, String instrument, String timeframe, String dataset,
                                String source, long rowsTotal, long rowsDone, long inserted, long duplicates,
                                long errorCount, List<ErrorResponse> errors, String failure, Instant createdAt,
                                Instant startedAt, Instant finishedAt, Long durationMillis) {

    /** {@code entry} is the zip entry, empty for a plain file. */
    public record ErrorResponse(String entry, long line, String reason) {
    }

    static ImportJobResponse of(ImportJob job) {
        return new ImportJobResponse(job.id().toString(), job.status().code(), job.instrument().toString(),
                job.timeframe().code(), job.dataset().code(), job.source(), job.rowsTotal(), job.rowsDone(), job.inserted(),
                job.duplicates(), job.errorCount(),
                job.errors().stream().map(e -> new ErrorResponse(e.entry(), e.line(), e.reason())).toList(),
                job.failure().getOrNull(), job.createdAt(), job.startedAt().getOrNull(), job.finishedAt().getOrNull(),
                job.startedAt().flatMap(s -> job.finishedAt().map(f -> Duration.between(s, f).toMillis())).getOrNull());
    }
}
