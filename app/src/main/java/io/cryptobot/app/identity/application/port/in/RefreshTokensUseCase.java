package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.RefreshSecret;
import io.cryptobot.kernel.domain.DomainError;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;

/**
 * Rotates a refresh token: the presented one is spent and a new pair returned. Presenting a spent token again
 * revokes its whole family (someone holds a copy) and fails.
 */
public interface RefreshTokensUseCase {
    Uni<Either<DomainError, TokenPair>> refresh(RefreshSecret presented);
}
