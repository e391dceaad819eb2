package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.app.identity.domain.User;
import java.time.Duration;
import java.time.Instant;

/** Signs an access token naming the user (subject and upn = user id), its role, e-mail, issue and expiry time. */
public interface IssueAccessTokenPort {
    String issueAccessToken(User user, Instant issuedAt, Duration lifetime);
}
