package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.DomainError;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;

/**
 * Changes an account's role or enabled state. A role change or disabling ends the account's current access
 * tokens; disabling also revokes its refresh tokens.
 */
public interface UpdateUserUseCase {
    Uni<Either<DomainError, User>> update(UpdateUserCommand command);
}
