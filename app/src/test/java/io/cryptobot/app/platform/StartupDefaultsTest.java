package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * What a default start (profile prod, nothing set in the environment) gets from {@code application.properties}:
 * loopback only, and no credential shipped with the platform.
 */
class StartupDefaultsTest {

    private static SmallRyeConfig prodDefaults() throws IOException {
        URL properties = Objects.requireNonNull(StartupDefaultsTest.class.getResource("/application.properties"));
        return new SmallRyeConfigBuilder().withProfile("prod")
                .withSources(new PropertiesConfigSource(properties)).build();
    }

    @Test
    void serves_on_loopback_only_by_default() throws IOException {
        assertThat(prodDefaults().getOptionalValue("quarkus.http.host", String.class)).contains("127.0.0.1");
    }

    @Test
    void ships_no_demo_password() throws IOException {
        SmallRyeConfig config = prodDefaults();
        assertThat(config.getOptionalValue("cryptobot.demo.password", String.class)).isEmpty();
        assertThat(config.getOptionalValue("cryptobot.demo.admin-password", String.class)).isEmpty();
    }
}
