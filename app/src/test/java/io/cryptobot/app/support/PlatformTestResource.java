package io.cryptobot.app.support;

import io.cryptobot.app.platform.PlatformBootstrap;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Gives every {@code @QuarkusTest} a real PostgreSQL and fresh signing keys: the embedded server in a fresh
 * temporary data directory, or the database named by {@code CRYPTOBOT_TEST_DB_URL} when set.
 * One server serves the whole test JVM.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {
    private static Map<String, String> properties;

    @Override
    public synchronized Map<String, String> start() {
        if (properties == null) {
            try {
                Path dataDir = Files.createTempDirectory("cryptobot-test-");
                Optional<String> testDb = PlatformBootstrap.systemSetting("cryptobot.test.db.url");
                properties = PlatformBootstrap.prepare(name -> switch (name) {
                    case PlatformBootstrap.DATA_DIR -> Optional.of(dataDir.toString());
                    case PlatformBootstrap.DB_URL -> testDb;
                    default -> Optional.empty();
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    @Override
    public void stop() {
        // The embedded server stops with the JVM (shutdown hook); other test classes reuse it until then.
    }
}
