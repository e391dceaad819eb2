package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.ImportJobId;
import io.vavr.control.Either;

/** A job of the caller; someone else's job is not found, exactly like a job that does not exist. */
public interface GetImportJobQuery {
    Either<DomainError, ImportJob> get(UserId caller, ImportJobId id);
}
