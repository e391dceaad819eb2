package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.marketdata.application.port.out.LoadDatasetsPort;
import io.cryptobot.marketdata.application.port.out.LoadImportJobPort;
import io.cryptobot.marketdata.application.port.out.RunInBackgroundPort;
import io.cryptobot.marketdata.application.port.out.SaveImportJobPort;
import io.cryptobot.marketdata.domain.DatasetTarget;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.ImportLimits;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.cryptobot.marketdata.domain.StoredCandlesLimit;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Admits a queued job, uploads and synthetic series alike, if its owner has fewer than
 * {@link ImportLimits#maxUnfinishedPerUser()} unfinished and, for a private dataset, stores fewer candles than
 * their {@link StoredCandlesLimit} (a counter read, never a count over the candles), then hands it to the workers under its owner's name
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
    private final LoadDatasetsPort datasets;
    private final StoredCandlesLimit storedLimit;

    ImportJobQueue(LoadImportJobPort loaded, SaveImportJobPort jobs, RunInBackgroundPort background,
                   ImportLimits limits, LoadDatasetsPort datasets, StoredCandlesLimit storedLimit) {
        this.loaded = loaded;
        this.jobs = jobs;
        this.background = background;
        this.limits = limits;
        this.datasets = datasets;
        this.storedLimit = storedLimit;
    }

    /** {@code work} runs the job later on a worker; a refused job is neither saved nor run. */
    Either<DomainError, ImportJob> enqueue(ImportJob queued, Runnable work) {
        if (queued.dataset() == DatasetTarget.PRIVATE) {
            long stored = datasets.storedBy(queued.owner());
            if (storedLimit.reachedBy(stored)) {
                return Either.left(MarketDataErrors.storedLimitReached(storedLimit, stored));
            }
        }
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
