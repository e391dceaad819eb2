package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.RefreshTokensUseCase;
import io.cryptobot.app.identity.application.port.in.TokenPair;
import io.cryptobot.app.identity.application.port.out.IsSessionRevokedPort;
import io.cryptobot.app.identity.application.port.out.LoadRefreshTokenPort;
import io.cryptobot.app.identity.application.port.out.LoadUserPort;
import io.cryptobot.app.identity.application.port.out.SaveRefreshTokenPort;
import io.cryptobot.app.identity.application.port.out.UnitOfWorkPort;
import io.cryptobot.app.identity.domain.IdentityErrors;
import io.cryptobot.app.identity.domain.RefreshRejection;
import io.cryptobot.app.identity.domain.RefreshSecret;
import io.cryptobot.app.identity.domain.RefreshToken;
import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

@ApplicationScoped
class RefreshTokensService implements RefreshTokensUseCase {
    private static final Logger LOG = Logger.getLogger(RefreshTokensService.class);
    private final LoadRefreshTokenPort loadTokens;
    private final SaveRefreshTokenPort saveTokens;
    private final LoadUserPort loadUsers;
    private final UnitOfWorkPort unitOfWork;
    private final SessionIssuer sessions;
    private final SessionRevoker revoker;
    private final IsSessionRevokedPort revokedSessions;
    private final Clock clock;

    RefreshTokensService(LoadRefreshTokenPort loadTokens, SaveRefreshTokenPort saveTokens, LoadUserPort loadUsers,
                         UnitOfWorkPort unitOfWork, SessionIssuer sessions, SessionRevoker revoker,
                         IsSessionRevokedPort revokedSessions, Clock clock) {
        this.loadTokens = loadTokens;
        this.saveTokens = saveTokens;
        this.loadUsers = loadUsers;
        this.unitOfWork = unitOfWork;
        this.sessions = sessions;
        this.revoker = revoker;
        this.revokedSessions = revokedSessions;
        this.clock = clock;
    }

    @Override
    public Uni<Either<DomainError, TokenPair>> refresh(RefreshSecret presented) {
        Instant now = clock.now();
        // Rejections are values, so the transaction commits the family revocation a reuse triggers.
        return unitOfWork.inTransaction(() -> loadTokens.loadRefreshToken(presented.hash()).flatMap(found -> {
            if (found.isEmpty()) {
                return Outcomes.failed(IdentityErrors.invalidRefreshToken());
            }
            RefreshToken token = found.get();
            if (revokedSessions.isRevoked(token.family())) {
                // The session ended while a concurrent rotation added a successor its revocation did not see.
                return Outcomes.failed(IdentityErrors.invalidRefreshToken());
            }
            return token.checkExchangeable(now).fold(
                    rejection -> reject(token, rejection, now),
                    usable -> loadUsers.loadUser(token.userId()).flatMap(user -> Outcomes.then(
                            user.toEither((DomainError) IdentityErrors.invalidRefreshToken())
                                    .flatMap(User::admitLogin)
                                    .mapLeft(refused -> IdentityErrors.invalidRefreshToken()),
                            allowed -> rotate(token, allowed, now))));
        }));
    }

    private Uni<Either<DomainError, TokenPair>> rotate(RefreshToken token, User user, Instant now) {
        RefreshSecret successorSecret = sessions.newSecret();
        return token.rotate(sessions.newTokenId(), successorSecret.hash(), now, sessions.lifetimes().refreshToken())
                .fold(rejection -> reject(token, rejection, now), rotation -> saveTokens
                        .markRotated(rotation.rotated())
                        .flatMap(spentByUs -> spentByUs
                                ? saveTokens.insertRefreshToken(rotation.successor())
                                        .map(stored -> Either.<DomainError, TokenPair>right(
                                                sessions.pair(user, token.family(), successorSecret, now)))
                                // A concurrent request exchanged it between our read and our write.
                                : reject(token, new RefreshRejection.Reused(token.family()), now)));
    }

    private Uni<Either<DomainError, TokenPair>> reject(RefreshToken presented, RefreshRejection rejection,
                                                       Instant now) {
        if (rejection instanceof RefreshRejection.Reused reused) {
            return revoker.endSession(presented.userId(), reused.family(), now).map(revoked -> {
                LOG.warnf("Refresh token reuse detected; revoked %d token(s) of family %s", revoked,
                        reused.family().value());
                return Either.left(IdentityErrors.invalidRefreshToken());
            });
        }
        return Outcomes.failed(IdentityErrors.invalidRefreshToken());
    }
}
