package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.marketdata.application.port.out.LoadDownloadJobPort;
import io.cryptobot.marketdata.application.port.out.PauseWorkPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort.InsertOutcome;
import io.cryptobot.marketdata.application.port.out.SaveDownloadJobPort;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleResampler;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadPolicy;
import io.cryptobot.marketdata.domain.DownloadStatus;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one download from its cursor to its end, page by page through {@link VenueMarketData#candles}: each page (at
 * most the venue's {@code maxCandlesPerPage}) is checked, fitted to the instrument's scales, stored as shared candles
 * in one transaction ({@link SaveCandlesPort#insertAll}, which leaves candles already present as they are), and only
 * then is the job's cursor saved past it. A crash between the two fetches that page again and inserts nothing new.
 *
 * <p>When the requested timeframe is resampled from a finer one, the fine candles of a bucket may span pages: the
 * bucket is written once decided, and the cursor stays at the start of the bucket still being filled, so a resumed
 * job fetches that bucket's fine candles again. Buckets the venue has only part of are skipped and counted.
 *
 * <p>The venue's answers: {@code RateLimited} is waited out ({@link DownloadPolicy#rateLimitWait}) and the same page
 * asked again; {@code Unavailable} is retried with growing waits until {@link DownloadPolicy#maxAttempts} failures in
 * a row, then the job fails with the venue's reason; {@code Rejected} and {@code Unauthorized} fail it at once, as
 * does a candle that breaks the port's contract or does not fit the instrument. Every wait is noted on the job, so
 * its progress says why it is not moving. An interrupted worker (the application stopping) leaves the job running,
 * to be resumed from its cursor at the next start.
 *
 * <p>A cancel is stored by {@code CancelDownloadService}; the runner reads it before every request to the venue, so
 * it stops at the next page (or after the wait it is in), storing nothing more, and saves the job canceled with its
 * cursor and counts. The store refuses to overwrite a canceled job with a running one, so a page saved meanwhile
 * cannot undo the cancel.
 */
@ApplicationScoped
class DownloadJobRunner {
    private static final Logger LOG = Logger.getLogger(DownloadJobRunner.class.getName());
    private final SaveDownloadJobPort jobs;
    private final LoadDownloadJobPort stored;
    private final SaveCandlesPort candles;
    private final PauseWorkPort pause;
    private final DownloadPolicy policy;
    private final Clock clock;

    DownloadJobRunner(SaveDownloadJobPort jobs, LoadDownloadJobPort stored, SaveCandlesPort candles,
                      PauseWorkPort pause, DownloadPolicy policy, Clock clock) {
        this.jobs = jobs;
        this.stored = stored;
        this.candles = candles;
        this.pause = pause;
        this.policy = policy;
        this.clock = clock;
    }

    DownloadJob run(DownloadJob planned, Instrument instrument, VenueMarketData venue) {
        Progress progress = new Progress(planned);
        try {
            if (stored.canceled(planned.id())) {
                return progress.save(planned.canceled(clock.now()));
            }
            progress.save(planned.running(clock.now()));
            for (TimeRange segment : progress.job.remaining()) {
                Option<String> failure = fetch(progress, instrument, venue, segment);
                if (progress.job.status() == DownloadStatus.CANCELED) {
                    return progress.job;
                }
                if (failure.isDefined()) {
                    return progress.save(progress.job.failed(failure.get(), clock.now()));
                }
            }
            return progress.save(progress.job.completed(clock.now()));
        } catch (InterruptedException e) {
            return stoppedByShutdown(progress);
        } catch (Throwable e) {
            if (interrupted(e)) {
                // a store or venue call cut short by the shutdown: not the job's failure
                return stoppedByShutdown(progress);
            }
            // the owner sees an incident id, never internals; the log has the cause under the same id
            UUID incident = UUID.randomUUID();
            LOG.log(Level.SEVERE, "download " + planned.id() + " failed, incident " + incident, e);
            return progress.save(progress.job.failed("the download failed unexpectedly (incident " + incident
                    + "); the candles stored before are kept", clock.now()));
        }
    }

    private DownloadJob stoppedByShutdown(Progress progress) {
        Thread.currentThread().interrupt();
        LOG.info("download " + progress.job.id() + " stopped by the shutdown; it goes on from its cursor at the next "
                + "start");
        return progress.job;
    }

    private static boolean interrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** Fetches one segment to its end; the reason the job must fail, if it must. */
    private Option<String> fetch(Progress progress, Instrument instrument, VenueMarketData venue, TimeRange segment)
            throws InterruptedException {
        DownloadJob job = progress.job;
        Timeframe source = job.source();
        Timeframe target = job.request().timeframe();
        CandleResampler resampler = source == target ? null
                : new CandleResampler(source, target, instrument.priceScale(), instrument.quantityScale());
        CandleBatch page = new CandleBatch(instrument.priceScale(), instrument.quantityScale(),
                venue.maxCandlesPerPage());
        long position = segment.from();
        int failures = 0;
        while (position < segment.to()) {
            if (stored.canceled(job.id())) {
                progress.save(progress.job.canceled(clock.now()));
                return Option.none();
            }
            Either<VenueFailure, List<VenueCandle>> answer = venue.candles(instrument.id(), source, position,
                    segment.to(), venue.maxCandlesPerPage());
            if (answer.isLeft()) {
                VenueFailure failure = answer.getLeft();
                switch (failure) {
                    case VenueFailure.RateLimited limited -> {
                        Duration wait = policy.rateLimitWait(limited.retryAfter());
                        progress.save(progress.job.noted(failure.describe() + "; waiting " + seconds(wait)));
                        pause.pause(wait);
                    }
                    case VenueFailure.Unavailable unavailable -> {
                        failures++;
                        if (failures >= policy.maxAttempts()) {
                            return Option.some(failure.describe() + " (gave up after " + failures
                                    + " attempts in a row)");
                        }
                        Duration wait = policy.backoff(failures);
                        progress.save(progress.job.noted(failure.describe() + "; attempt " + (failures + 1) + " of "
                                + policy.maxAttempts() + " in " + seconds(wait)));
                        pause.pause(wait);
                    }
                    default -> {
                        return Option.some(failure.describe());
                    }
                }
                continue;
            }
            failures = 0;
            if (answer.get().isEmpty()) {
                break; // the venue has nothing more in the segment
            }
            page.clear();
            Option<String> refused = fit(instrument, source, answer.get(), position, segment.to(), page);
            if (refused.isDefined()) {
                return refused;
            }
            position = source.next(page.openTime(page.size() - 1));
            if (resampler == null) {
                InsertOutcome outcome = store(instrument, target, page);
                progress.save(progress.job.advanced(position, outcome.inserted(), outcome.alreadyPresent(), 0));
            } else {
                resampler.addAll(page);
                resampler.knownUntil(position);
                storeDecided(progress, instrument, target, resampler, resampler.pending().getOrElse(position));
            }
        }
        if (resampler != null) {
            resampler.knownUntil(segment.to());
            storeDecided(progress, instrument, target, resampler, segment.to());
        } else if (progress.job.cursor() < segment.to()) {
            progress.save(progress.job.advanced(segment.to(), 0, 0, 0));
        }
        return Option.none();
    }

    private void storeDecided(Progress progress, Instrument instrument, Timeframe target, CandleResampler resampler,
                              long cursor) {
        CandleBatch decided = resampler.completed();
        InsertOutcome outcome = decided.isEmpty() ? new InsertOutcome(0, 0) : store(instrument, target, decided);
        int skipped = resampler.incomplete().size();
        resampler.clearDecided();
        progress.save(progress.job.advanced(cursor, outcome.inserted(), outcome.alreadyPresent(), skipped));
    }

    private InsertOutcome store(Instrument instrument, Timeframe timeframe, CandleBatch batch) {
        return candles.insertAll(instrument, timeframe, consumer -> consumer.accept(batch), (offered, inserted) -> { });
    }

    /**
     * Checks the venue's page against the port's contract (ascending, aligned, inside [from, to)) and fits each candle
     * to the instrument; the first problem, named by the candle's open time, if any.
     */
    private static Option<String> fit(Instrument instrument, Timeframe source, List<VenueCandle> answer, long from,
                                      long to, CandleBatch page) {
        long previous = Long.MIN_VALUE;
        for (VenueCandle candle : answer) {
            long openTime = candle.openTime();
            if (openTime < from || openTime >= to || openTime <= previous || !source.isAligned(openTime)) {
                return Option.some("the venue answered a " + source.code() + " candle at " + at(openTime)
                        + " that is out of order or outside the asked range [" + at(from) + ", " + at(to) + ")");
            }
            previous = openTime;
            Either<String, Candle> fitted = instrument.candle(candle);
            if (fitted.isLeft()) {
                return Option.some("the venue's candle at " + at(openTime) + " cannot be stored for " + instrument
                        + ": " + fitted.getLeft());
            }
            page.accept(fitted.get());
        }
        return Option.none();
    }

    private static String at(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static String seconds(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }

    /** The job as last saved. */
    private final class Progress {
        private DownloadJob job;

        Progress(DownloadJob job) {
            this.job = job;
        }

        DownloadJob save(DownloadJob next) {
            jobs.save(next);
            job = next;
            return next;
        }
    }
}
