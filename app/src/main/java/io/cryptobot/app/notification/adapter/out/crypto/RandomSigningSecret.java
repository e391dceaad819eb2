package io.cryptobot.app.notification.adapter.out.crypto;

import io.cryptobot.app.notification.application.port.out.GenerateSecretPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;

/** 32 random bytes, base64url, prefixed {@code whsec_} so a leaked one is recognisable in a scanner. */
@ApplicationScoped
class RandomSigningSecret implements GenerateSecretPort {
    private final SecureRandom random = new SecureRandom();

    @Override
    public String newSigningSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
