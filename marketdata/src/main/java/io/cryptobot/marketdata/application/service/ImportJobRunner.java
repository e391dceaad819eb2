package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.InsertOutcome;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.LimitPassed;
import io.cryptobot.marketdata.application.port.out.SaveImportJobPort;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.DatasetTarget;
import io.cryptobot.marketdata.domain.ImportErrors;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.LimitBreach;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.cryptobot.marketdata.domain.StoredCandlesLimit;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one import to its end, all-or-nothing: a streaming validation pass over the whole source counts the rows
 * and collects refused ones; only when none is refused does a second streaming pass insert the candles, in
 * batches, inside one transaction. Memory stays bounded by one batch whatever the file size, and a bad row on
 * line 9,999,999 still leaves the store untouched. Progress is saved at most every {@link #PROGRESS_EVERY}.
 *
 * <p>The candles go to the job's dataset: the owner's private one (held to the owner's {@link StoredCandlesLimit},
 * checked by the store inside the insert's transaction, so an import that would pass it stores nothing) or, for an
 * admin's import, the shared reference data.
 */
@ApplicationScoped
class ImportJobRunner {
    static final int BATCH_SIZE = 10_000;
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);
    private static final Logger LOG = Logger.getLogger(ImportJobRunner.class.getName());
    private final SaveImportJobPort jobs;
    private final SaveCandlesPort candles;
    private final StoredCandlesLimit limit;
    private final Clock clock;

    ImportJobRunner(SaveImportJobPort jobs, SaveCandlesPort candles, StoredCandlesLimit limit, Clock clock) {
        this.jobs = jobs;
        this.candles = candles;
        this.limit = limit;
        this.clock = clock;
    }

    /**
     * Never leaves the job unfinished while the process lives: whatever is thrown, an {@link Error} such as
     * {@link OutOfMemoryError} included, the job ends failed with an incident id that the log repeats.
     */
    ImportJob run(ImportJob queued, Instrument instrument, CandleSource source) {
        ImportJob job = queued;
        try (source) {
            job = save(job.validating(clock.now()));
            ImportErrors refused = new ImportErrors();
            Either<LimitBreach, Long> rows = source.read(candle -> { }, refused);
            if (rows.isLeft()) {
                return save(job.overLimit(rows.getLeft(), clock.now()));
            }
            if (!refused.isEmpty()) {
                return save(job.rejected(rows.get(), refused, clock.now()));
            }
            ImportJob importing = save(job.importing(rows.get()));
            job = importing;
            ProgressSaver progress = new ProgressSaver(importing);
            SaveCandlesPort.CandleFeed feed = consumer -> feed(instrument, source, consumer);
            Either<LimitPassed, InsertOutcome> stored = job.dataset() == DatasetTarget.SHARED
                    ? Either.right(candles.insertAll(instrument, job.timeframe(), feed, progress::stored))
                    : candles.insertPrivate(job.owner(), instrument, job.timeframe(), feed, progress::stored, limit);
            if (stored.isLeft()) {
                return save(importing.failed(MarketDataErrors.storedLimitPassed(limit, stored.getLeft().wouldStore()),
                        clock.now()));
            }
            InsertOutcome outcome = stored.get();
            return save(importing.completed(outcome.inserted(), outcome.alreadyPresent(), clock.now()));
        } catch (UncheckedIOException e) {
            LOG.log(Level.WARNING, "import " + job.id() + " could not read its source", e);
            // the cause's message may name the spool file on this server: it stays in the log
            return save(job.failed("the file could not be read (" + readFailure(e) + ")", clock.now()));
        } catch (Throwable e) {
            // the owner sees an incident id, never internals; the log has the cause under the same id
            UUID incident = UUID.randomUUID();
            LOG.log(Level.SEVERE, "import " + job.id() + " failed, incident " + incident, e);
            return save(job.failed("the import failed unexpectedly (incident " + incident + "); nothing was stored",
                    clock.now()));
        }
    }

    /** What went wrong with the upload, in words that hold no server path. */
    private static String readFailure(UncheckedIOException e) {
        return switch (e.getCause()) {
            case java.util.zip.ZipException zip -> "not a readable zip archive";
            case java.nio.charset.CharacterCodingException coding -> "not text in the expected encoding";
            case java.nio.file.NoSuchFileException gone -> "the upload is no longer on the server; upload it again";
            case null, default -> "an input/output error";
        };
    }

    private static void feed(Instrument instrument, CandleSource source, Consumer<CandleBatch> consumer) {
        CandleBatch batch = new CandleBatch(instrument.priceScale(), instrument.quantityScale(), BATCH_SIZE);
        ImportErrors refused = new ImportErrors(1);
        Either<LimitBreach, Long> read = source.read(candle -> {
            batch.accept(candle);
            if (batch.size() == BATCH_SIZE) {
                consumer.accept(batch);
                batch.clear();
            }
        }, refused);
        if (read.isLeft() || !refused.isEmpty()) {
            throw new IllegalStateException("the source changed between validation and insert: "
                    + read.swap().map(LimitBreach::reason).getOrElse(() -> refused.first().getFirst().location()));
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }

    private ImportJob save(ImportJob job) {
        jobs.save(job);
        return job;
    }

    private final class ProgressSaver {
        private final ImportJob importing;
        private Instant lastSaved;

        ProgressSaver(ImportJob importing) {
            this.importing = importing;
            this.lastSaved = clock.now();
        }

        void stored(long offered, long inserted) {
            Instant now = clock.now();
            if (Duration.between(lastSaved, now).compareTo(PROGRESS_EVERY) >= 0) {
                lastSaved = now;
                jobs.save(importing.progressed(offered));
            }
        }
    }
}
