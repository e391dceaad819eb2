package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.app.identity.domain.RefreshSecret;

/** A cryptographically secure random source for refresh tokens. */
public interface GenerateSecretPort {
    RefreshSecret newRefreshSecret();
}
