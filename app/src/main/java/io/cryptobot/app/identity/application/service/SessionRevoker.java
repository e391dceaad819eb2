package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.out.EndStreamsPort;
import io.cryptobot.app.identity.application.port.out.LoadRefreshTokenPort;
import io.cryptobot.app.identity.application.port.out.RevokeSessionsPort;
import io.cryptobot.app.identity.application.port.out.SaveRefreshTokenPort;
import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.app.identity.domain.TokenLifetimes;
import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/**
 * Shared by logout, reuse detection and disabling: how a session ends. Its refresh tokens are revoked (no new
 * access token), its session id goes on the revoked list (its access tokens are refused from the next request on)
 * and its open streams are closed. Runs inside the caller's transaction where there is one.
 */
@ApplicationScoped
class SessionRevoker {
    private final SaveRefreshTokenPort refreshTokens;
    private final LoadRefreshTokenPort loadTokens;
    private final RevokeSessionsPort revokedSessions;
    private final EndStreamsPort streams;
    private final TokenLifetimes lifetimes;

    SessionRevoker(SaveRefreshTokenPort refreshTokens, LoadRefreshTokenPort loadTokens,
                   RevokeSessionsPort revokedSessions, EndStreamsPort streams, TokenLifetimes lifetimes) {
        this.refreshTokens = refreshTokens;
        this.loadTokens = loadTokens;
        this.revokedSessions = revokedSessions;
        this.streams = streams;
        this.lifetimes = lifetimes;
    }

    /** Ends one session; returns how many of its refresh tokens were still valid. */
    Uni<Integer> endSession(UserId owner, TokenFamilyId session, Instant now) {
        return refreshTokens.revokeFamily(session, now).flatMap(revoked -> revokedSessions
                .revokeSessions(owner, Set.of(session), lifetimes.revocationKeptUntil(now))
                .invoke(done -> streams.endStreamsOfSessions(Set.of(session)))
                .replaceWith(revoked));
    }

    /**
     * Ends every session of the account. Only sessions that issued a token within one access-token lifetime can
     * still have a live access token, so only those go on the revoked list.
     */
    Uni<Void> endAllSessionsOf(UserId owner, Instant now) {
        Instant keepUntil = lifetimes.revocationKeptUntil(now);
        Instant oldestLive = now.minus(lifetimes.accessToken()).minus(TokenLifetimes.CLOCK_SKEW);
        return loadTokens.sessionsIssuedSince(owner, oldestLive)
                .flatMap(live -> refreshTokens.revokeAllOfUser(owner, now)
                        .flatMap(revoked -> live.isEmpty() ? Uni.createFrom().voidItem()
                                : revokedSessions.revokeSessions(owner, live, keepUntil)))
                .invoke(done -> streams.endStreamsOfUser(owner));
    }
}
