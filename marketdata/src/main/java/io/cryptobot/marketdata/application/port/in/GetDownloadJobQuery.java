package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadJobId;
import io.vavr.control.Either;

/** A download of the caller; someone else's is not found, exactly like one that does not exist. */
public interface GetDownloadJobQuery {
    Either<DomainError, DownloadJob> get(UserId caller, DownloadJobId id);
}
