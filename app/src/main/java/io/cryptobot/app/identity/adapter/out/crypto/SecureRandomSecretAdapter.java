package io.cryptobot.app.identity.adapter.out.crypto;

import io.cryptobot.app.identity.application.port.out.GenerateSecretPort;
import io.cryptobot.app.identity.domain.RefreshSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

@ApplicationScoped
class SecureRandomSecretAdapter implements GenerateSecretPort {
    private final SecureRandom random = new SecureRandom();

    @Override
    public RefreshSecret newRefreshSecret() {
        byte[] bytes = new byte[RefreshSecret.BYTES];
        random.nextBytes(bytes);
        return RefreshSecret.fromRandomBytes(bytes);
    }
}
