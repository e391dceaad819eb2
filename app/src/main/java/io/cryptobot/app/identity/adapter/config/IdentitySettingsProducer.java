package io.cryptobot.app.identity.adapter.config;

import io.cryptobot.app.identity.domain.LoginThrottle;
import io.cryptobot.app.identity.domain.RateLimit;
import io.cryptobot.app.identity.domain.RegistrationThrottle;
import io.cryptobot.app.identity.domain.TokenLifetimes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Turns configuration into the domain's policy values, so services never read configuration themselves. */
@Singleton
class IdentitySettingsProducer {

    @Produces
    @Singleton
    TokenLifetimes tokenLifetimes(IdentityConfig config) {
        return new TokenLifetimes(config.accessTokenTtl(), config.refreshTokenTtl());
    }

    @Produces
    @Singleton
    RegistrationThrottle registrationThrottle(IdentityConfig config) {
        return new RegistrationThrottle(new RateLimit(config.register().maxPerAddress(),
                config.register().addressWindow()));
    }

    @Produces
    @Singleton
    LoginThrottle loginThrottle(IdentityConfig config) {
        IdentityConfig.Login login = config.login();
        return new LoginThrottle(new RateLimit(login.maxFailuresPerAccount(), login.accountWindow()),
                new RateLimit(login.maxAttemptsPerAddress(), login.addressWindow()));
    }
}
