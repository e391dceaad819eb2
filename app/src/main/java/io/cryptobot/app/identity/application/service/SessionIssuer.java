package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.TokenPair;
import io.cryptobot.app.identity.application.port.out.GenerateSecretPort;
import io.cryptobot.app.identity.application.port.out.IssueAccessTokenPort;
import io.cryptobot.app.identity.application.port.out.SaveRefreshTokenPort;
import io.cryptobot.app.identity.domain.RefreshSecret;
import io.cryptobot.app.identity.domain.RefreshToken;
import io.cryptobot.app.identity.domain.RefreshTokenId;
import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.app.identity.domain.TokenLifetimes;
import io.cryptobot.app.identity.domain.User;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Shared by login and refresh: how a token pair is made once the caller is known to be allowed one. */
@ApplicationScoped
class SessionIssuer {
    private final IssueAccessTokenPort accessTokens;
    private final GenerateSecretPort secrets;
    private final SaveRefreshTokenPort refreshTokens;
    private final TokenLifetimes lifetimes;

    SessionIssuer(IssueAccessTokenPort accessTokens, GenerateSecretPort secrets, SaveRefreshTokenPort refreshTokens,
                  TokenLifetimes lifetimes) {
        this.accessTokens = accessTokens;
        this.secrets = secrets;
        this.refreshTokens = refreshTokens;
        this.lifetimes = lifetimes;
    }

    /** A new session (refresh-token family) for a user who just proved their password. */
    Uni<TokenPair> startSession(User user, Instant now) {
        RefreshSecret secret = secrets.newRefreshSecret();
        TokenFamilyId session = new TokenFamilyId(UUID.randomUUID());
        RefreshToken token = RefreshToken.issueAtLogin(newTokenId(), user.id(), secret.hash(), session, now,
                lifetimes.refreshToken());
        return refreshTokens.insertRefreshToken(token).map(stored -> pair(user, session, secret, now));
    }

    RefreshSecret newSecret() {
        return secrets.newRefreshSecret();
    }

    RefreshTokenId newTokenId() {
        return new RefreshTokenId(UUID.randomUUID());
    }

    /** The access token names its session (the refresh-token family), so ending the session ends the token. */
    TokenPair pair(User user, TokenFamilyId session, RefreshSecret refreshSecret, Instant now) {
        String accessToken = accessTokens.issueAccessToken(user, session, now, lifetimes.accessToken());
        return new TokenPair(accessToken, lifetimes.accessToken().toSeconds(), refreshSecret);
    }

    TokenLifetimes lifetimes() {
        return lifetimes;
    }
}
