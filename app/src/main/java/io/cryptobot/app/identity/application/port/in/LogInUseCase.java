package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;

/**
 * Exchanges e-mail and password for a token pair. Unknown e-mail, wrong password and disabled account give the
 * same error; too many attempts per account or per client address are refused before the password is checked.
 */
public interface LogInUseCase {
    Uni<Either<DomainError, TokenPair>> logIn(LogInCommand command);
}
