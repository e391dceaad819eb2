package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.LogOutUseCase;
import io.cryptobot.app.identity.application.port.out.LoadRefreshTokenPort;
import io.cryptobot.app.identity.application.port.out.UnitOfWorkPort;
import io.cryptobot.app.identity.domain.RefreshSecret;
import io.cryptobot.kernel.domain.Clock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class LogOutService implements LogOutUseCase {
    private final LoadRefreshTokenPort loadTokens;
    private final SessionRevoker sessions;
    private final UnitOfWorkPort unitOfWork;
    private final Clock clock;

    LogOutService(LoadRefreshTokenPort loadTokens, SessionRevoker sessions, UnitOfWorkPort unitOfWork, Clock clock) {
        this.loadTokens = loadTokens;
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /**
     * Ends the session the token belongs to: the whole family is revoked, which includes the presented token
     * and leaves no earlier, already rotated token of that login usable, and the session's access tokens are
     * refused from the next request on. Presenting a token of an ended session ends it again (harmless).
     */
    @Override
    public Uni<Void> logOut(RefreshSecret presented) {
        return unitOfWork.inTransaction(() -> loadTokens.loadRefreshToken(presented.hash()).flatMap(found ->
                found.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : sessions.endSession(found.get().userId(), found.get().family(), clock.now())
                                .replaceWithVoid()));
    }
}
