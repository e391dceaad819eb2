package io.cryptobot.app.identity.application.port.in;

import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.DomainError;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;

/** Creates a self-service account (role trader); a taken e-mail, compared case-insensitively, is a conflict. */
public interface RegisterUserUseCase {
    Uni<Either<DomainError, User>> register(RegisterUserCommand command);
}
