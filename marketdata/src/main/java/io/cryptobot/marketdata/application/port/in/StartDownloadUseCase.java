package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;

/**
 * Queues a download of a venue's candles and returns at once; the job runs in the background (see
 * {@link io.cryptobot.marketdata.domain.DownloadJob}). The pair must be listed by its venue: a pair the catalog does
 * not know yet is defined from the venue's rules. The same request again, while the caller's first has not finished,
 * returns that job instead of starting another.
 */
public interface StartDownloadUseCase {
    Either<DomainError, DownloadAdmission> start(StartDownloadCommand command);
}
