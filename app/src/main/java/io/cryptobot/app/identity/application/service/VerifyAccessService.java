package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.VerifyAccessCommand;
import io.cryptobot.app.identity.application.port.in.VerifyAccessUseCase;
import io.cryptobot.app.identity.application.port.out.LoadUserPort;
import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs on every authenticated request; one primary-key look-up, so accounts changes take effect at once. */
@ApplicationScoped
class VerifyAccessService implements VerifyAccessUseCase {
    private final LoadUserPort loadUsers;

    VerifyAccessService(LoadUserPort loadUsers) {
        this.loadUsers = loadUsers;
    }

    @Override
    public Uni<Either<DomainError, User>> verify(VerifyAccessCommand command) {
        return Outcomes.then(UserId.parse(command.subject()).toEither(IdentityErrors.accessRevoked()),
                id -> loadUsers.loadUser(id).map(user -> user
                        .toEither((DomainError) IdentityErrors.accessRevoked())
                        .flatMap(known -> known.admitAccessToken(command.issuedAt(), command.groups()))));
    }
}
