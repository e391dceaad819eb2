package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One import of candles into the store, owned by the user who started it. A file import is all-or-nothing: the
 * whole file is validated first ({@code validating}, which also counts {@code rowsTotal}); only a file without a
 * single refused row is inserted ({@code importing}), in one transaction. Once completed,
 * {@code inserted + duplicates = rowsTotal}; duplicates were already present and left unchanged. {@code dataset}
 * says where the candles go: the owner's private dataset, or (for an admin) the shared reference data.
 */
public record ImportJob(ImportJobId id, UserId owner, InstrumentId instrument, Timeframe timeframe,
                        DatasetTarget dataset, String source,
                        ImportStatus status, long rowsTotal, long rowsDone, long inserted, long duplicates,
                        long errorCount, List<RowError> errors, Option<String> failure, Instant createdAt,
                        Option<Instant> startedAt, Option<Instant> finishedAt) {

    public ImportJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        errors = List.copyOf(errors);
        if (rowsTotal < 0 || rowsDone < 0 || inserted < 0 || duplicates < 0 || errorCount < errors.size()) {
            throw new IllegalArgumentException("counts must not be negative and errorCount covers the listed errors");
        }
    }

    public static ImportJob queue(UserId owner, InstrumentId instrument, Timeframe timeframe, DatasetTarget dataset,
                                  String source, Instant now) {
        return new ImportJob(ImportJobId.random(), owner, instrument, timeframe, dataset, source, ImportStatus.QUEUED,
                0, 0, 0, 0, 0, List.of(), Option.none(), now, Option.none(), Option.none());
    }

    public ImportJob validating(Instant now) {
        requireStatus(ImportStatus.QUEUED);
        return with(ImportStatus.VALIDATING, rowsTotal, rowsDone, inserted, duplicates, Option.some(now),
                Option.none());
    }

    /** The validation pass found no refused row among {@code rows}: the insert may start. */
    public ImportJob importing(long rows) {
        requireStatus(ImportStatus.VALIDATING);
        return with(ImportStatus.IMPORTING, rows, 0, 0, 0, startedAt, Option.none());
    }

    /** {@code done} rows were handed to the store; how many were new is known when the insert commits. */
    public ImportJob progressed(long done) {
        requireStatus(ImportStatus.IMPORTING);
        return with(ImportStatus.IMPORTING, rowsTotal, Math.min(done, rowsTotal), 0, 0, startedAt, Option.none());
    }

    public ImportJob completed(long insertedTotal, long duplicatesTotal, Instant now) {
        requireStatus(ImportStatus.IMPORTING);
        return with(ImportStatus.COMPLETED, rowsTotal, rowsTotal, insertedTotal, duplicatesTotal, startedAt,
                Option.some(now));
    }

    /** The file had refused rows: nothing was stored. */
    public ImportJob rejected(long rows, ImportErrors refused, Instant now) {
        requireStatus(ImportStatus.VALIDATING);
        return new ImportJob(id, owner, instrument, timeframe, dataset, source, ImportStatus.FAILED, rows, 0, 0, 0,
                refused.total(), refused.first(), Option.some(refused.total() + " row(s) refused; nothing was stored"),
                createdAt, startedAt, Option.some(now));
    }

    /** The upload broke a limit while it was being validated: reading stopped there, and nothing was stored. */
    public ImportJob overLimit(LimitBreach breach, Instant now) {
        requireStatus(ImportStatus.VALIDATING);
        return new ImportJob(id, owner, instrument, timeframe, dataset, source, ImportStatus.FAILED, 0, 0, 0, 0, 1,
                List.of(breach.asRowError()), Option.some(breach.reason() + "; nothing was stored"), createdAt,
                startedAt, Option.some(now));
    }

    /** Something other than the rows went wrong (an unreadable file, the database); nothing was stored. */
    public ImportJob failed(String reason, Instant now) {
        if (status.isFinished()) {
            throw new IllegalStateException("job " + id + " already " + status.code());
        }
        return new ImportJob(id, owner, instrument, timeframe, dataset, source, ImportStatus.FAILED, rowsTotal, 0, 0,
                0, errorCount, errors, Option.some(reason), createdAt, startedAt, Option.some(now));
    }

    private ImportJob with(ImportStatus next, long total, long done, long ins, long dups, Option<Instant> started,
                           Option<Instant> finished) {
        return new ImportJob(id, owner, instrument, timeframe, dataset, source, next, total, done, ins, dups,
                errorCount, errors, failure, createdAt, started, finished);
    }

    private void requireStatus(ImportStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("job " + id + " is " + status.code() + ", not " + expected.code());
        }
    }
}
