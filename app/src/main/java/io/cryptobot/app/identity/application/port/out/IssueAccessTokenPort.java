package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.app.identity.domain.User;
import java.time.Duration;
import java.time.Instant;

/**
 * Signs an access token naming the user (subject and upn = user id), its role, e-mail, the session it belongs to
 * ({@code sid} = the refresh-token family, so ending the session ends the token), issue and expiry time.
 */
public interface IssueAccessTokenPort {
    String issueAccessToken(User user, TokenFamilyId session, Instant issuedAt, Duration lifetime);
}
