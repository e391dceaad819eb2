package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.LogOutUseCase;
import io.cryptobot.app.identity.application.port.out.LoadRefreshTokenPort;
import io.cryptobot.app.identity.application.port.out.SaveRefreshTokenPort;
import io.cryptobot.app.identity.domain.RefreshSecret;
import io.cryptobot.kernel.domain.Clock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class LogOutService implements LogOutUseCase {
    private final LoadRefreshTokenPort loadTokens;
    private final SaveRefreshTokenPort saveTokens;
    private final Clock clock;

    LogOutService(LoadRefreshTokenPort loadTokens, SaveRefreshTokenPort saveTokens, Clock clock) {
        this.loadTokens = loadTokens;
        this.saveTokens = saveTokens;
        this.clock = clock;
    }

    /**
     * Ends the session the token belongs to: the whole family is revoked, which includes the presented token
     * and leaves no earlier, already rotated token of that login usable.
     */
    @Override
    public Uni<Void> logOut(RefreshSecret presented) {
        return loadTokens.loadRefreshToken(presented.hash()).flatMap(found -> found.isEmpty()
                ? Uni.createFrom().voidItem()
                : saveTokens.revokeFamily(found.get().family(), clock.now()).replaceWithVoid());
    }
}
