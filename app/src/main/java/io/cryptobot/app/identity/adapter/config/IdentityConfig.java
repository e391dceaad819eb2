package io.cryptobot.app.identity.adapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The {@code cryptobot.auth.*} settings. */
@ConfigMapping(prefix = "cryptobot.auth")
public interface IdentityConfig {
    Duration accessTokenTtl();

    Duration refreshTokenTtl();

    /** bcrypt cost (log2 rounds); 10 takes tens of milliseconds per hash on a server core. */
    @WithDefault("10")
    int bcryptCost();

    /** Whether the client address may be taken from X-Forwarded-For; only behind a proxy that sets it. */
    @WithDefault("false")
    boolean trustForwardedFor();

    Login login();

    Register register();

    /** Sign-ups per client address within a fixed window. */
    interface Register {
        @WithDefault("10")
        int maxPerAddress();

        @WithDefault("PT1H")
        Duration addressWindow();
    }

    interface Login {
        @WithDefault("5")
        int maxFailuresPerAccount();

        @WithDefault("PT15M")
        Duration accountWindow();

        @WithDefault("20")
        int maxAttemptsPerAddress();

        @WithDefault("PT1M")
        Duration addressWindow();
    }
}
