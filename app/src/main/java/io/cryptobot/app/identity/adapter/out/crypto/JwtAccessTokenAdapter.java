package io.cryptobot.app.identity.adapter.out.crypto;

import io.cryptobot.app.identity.application.port.out.IssueAccessTokenPort;
import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.app.identity.domain.User;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * RS256 access tokens signed with {@code smallrye.jwt.sign.key.location}. Subject and upn both carry the user
 * id, so every context reads the caller from the security principal's name; {@code sid} names the session.
 */
@ApplicationScoped
class JwtAccessTokenAdapter implements IssueAccessTokenPort {
    /** The session id claim of OpenID Connect (front/back-channel logout use the same name). */
    static final String SESSION_CLAIM = "sid";
    private final String issuer;

    JwtAccessTokenAdapter(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.issuer = issuer;
    }

    @Override
    public String issueAccessToken(User user, TokenFamilyId session, Instant issuedAt, Duration lifetime) {
        String id = user.id().toString();
        return Jwt.issuer(issuer)
                .subject(id)
                .upn(id)
                .groups(Set.of(user.role().code()))
                .claim("email", user.email().value())
                .claim(SESSION_CLAIM, session.value().toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime))
                .sign();
    }
}
