package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.marketdata.application.port.out.LoadImportJobPort;
import io.cryptobot.marketdata.application.port.out.RunInBackgroundPort;
import io.cryptobot.marketdata.application.port.out.SaveImportJobPort;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.ImportLimits;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Admits a queued job, uploads and synthetic series alike, if its owner has fewer than
 * {@link ImportLimits#maxUnfinishedPerUser()} unfinished, then hands it to the workers under its owner's name
 * (they take owners in turn). Counting and saving happen under one lock so that concurrent uploads of one user
 * cannot slip past the cap; the lock is held for two small queries, and assumes a single instance, as the
 * restart handling of imports does.
 */
@ApplicationScoped
class ImportJobQueue {
    private final LoadImportJobPort loaded;
    private final SaveImportJobPort jobs;
    private final RunInBackgroundPort background;
    private final ImportLimits limits;

    ImportJobQueue(LoadImportJobPort loaded, SaveImportJobPort jobs, RunInBackgroundPort background,
                   ImportLimits limits) {
        this.loaded = loaded;
        this.jobs = jobs;
        this.background = background;
        this.limits = limits;
    }

    /** {@code work} runs the job later on a worker; a refused job is neither saved nor run. */
    Either<DomainError, ImportJob> enqueue(ImportJob queued, Runnable work) {
        synchronized (this) {
            if (loaded.unfinishedCount(queued.owner()) >= limits.maxUnfinishedPerUser()) {
                return Either.left(MarketDataErrors.tooManyUnfinishedImports(limits.maxUnfinishedPerUser()));
            }
            jobs.save(queued);
        }
        background.run(queued.owner(), work);
        return Either.right(queued);
    }
}
