package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;

/** The caller's own account. */
public interface GetProfileQuery {
    Uni<Either<DomainError, User>> profile(UserId caller);
}
