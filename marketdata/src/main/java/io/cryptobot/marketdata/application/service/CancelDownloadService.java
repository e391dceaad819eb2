package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.CancelDownloadUseCase;
import io.cryptobot.marketdata.application.port.out.LoadDownloadJobPort;
import io.cryptobot.marketdata.application.port.out.SaveDownloadJobPort;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadJobId;
import io.cryptobot.marketdata.domain.DownloadStatus;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stores the cancel; the runner of a running job reads it before its next request to the venue and stops there,
 * saving its final cursor and counts ({@link DownloadJobRunner}). The store never overwrites a finished job, so a
 * job that completed or failed between the read and the save stays as it ended, and that is what the caller hears.
 */
@ApplicationScoped
class CancelDownloadService implements CancelDownloadUseCase {
    private final LoadDownloadJobPort stored;
    private final SaveDownloadJobPort jobs;
    private final Clock clock;

    CancelDownloadService(LoadDownloadJobPort stored, SaveDownloadJobPort jobs, Clock clock) {
        this.stored = stored;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, DownloadJob> cancel(UserId caller, DownloadJobId id) {
        Either<DomainError, DownloadJob> found = stored.load(caller, id)
                .toEither(() -> MarketDataErrors.downloadNotFound(id));
        if (found.isLeft()) {
            return found;
        }
        DownloadJob job = found.get();
        if (!job.status().isFinished()) {
            jobs.save(job.canceled(clock.now()));
            job = stored.load(caller, id).getOrElse(job);
        }
        return job.status() == DownloadStatus.CANCELED ? Either.right(job)
                : Either.left(MarketDataErrors.downloadNotCancellable(job));
    }
}
