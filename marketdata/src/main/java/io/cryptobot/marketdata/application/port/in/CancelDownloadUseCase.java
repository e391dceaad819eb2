package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadJobId;
import io.vavr.control.Either;

/**
 * Cancels one of the caller's downloads: a queued or running job ends {@code canceled} and fetches nothing more; the
 * candles it stored stay. Canceling a canceled job answers it again (idempotent); a completed or failed one cannot
 * be canceled; someone else's is not found.
 */
public interface CancelDownloadUseCase {
    Either<DomainError, DownloadJob> cancel(UserId caller, DownloadJobId id);
}
