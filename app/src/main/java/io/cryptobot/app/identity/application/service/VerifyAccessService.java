package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.VerifyAccessCommand;
import io.cryptobot.app.identity.application.port.in.VerifyAccessUseCase;
import io.cryptobot.app.identity.application.port.out.IsSessionRevokedPort;
import io.cryptobot.app.identity.application.port.out.LoadUserPort;
import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Runs on every authenticated request, so it does no I/O of its own: the session is looked up in the in-memory
 * revoked set, the account by id (kept for a few seconds by the store adapter, dropped when changed here).
 * A token without a session id predates session revocation and is refused: it could not be ended by logout, and
 * its client gets a new one by refreshing.
 */
@ApplicationScoped
class VerifyAccessService implements VerifyAccessUseCase {
    private final LoadUserPort loadUsers;
    private final IsSessionRevokedPort revokedSessions;

    VerifyAccessService(LoadUserPort loadUsers, IsSessionRevokedPort revokedSessions) {
        this.loadUsers = loadUsers;
        this.revokedSessions = revokedSessions;
    }

    @Override
    public Uni<Either<DomainError, User>> verify(VerifyAccessCommand command) {
        Option<TokenFamilyId> session = Option.of(command.session())
                .flatMap(text -> Try.of(() -> UUID.fromString(text)).toOption())
                .map(TokenFamilyId::new);
        if (session.isEmpty() || revokedSessions.isRevoked(session.get())) {
            return Outcomes.failed(IdentityErrors.accessRevoked());
        }
        return Outcomes.then(UserId.parse(command.subject()).toEither(IdentityErrors.accessRevoked()),
                id -> loadUsers.loadUser(id).map(user -> user
                        .toEither((DomainError) IdentityErrors.accessRevoked())
                        .flatMap(known -> known.admitAccessToken(command.issuedAt(), command.groups()))));
    }
}
