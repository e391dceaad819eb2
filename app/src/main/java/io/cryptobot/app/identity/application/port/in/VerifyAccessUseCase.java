package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.DomainError;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;

/**
 * Decides whether a cryptographically valid access token still speaks for its account: the account must exist,
 * be enabled, hold the role the token names, and not have ended its sessions after the token was issued.
 */
public interface VerifyAccessUseCase {
    Uni<Either<DomainError, User>> verify(VerifyAccessCommand command);
}
