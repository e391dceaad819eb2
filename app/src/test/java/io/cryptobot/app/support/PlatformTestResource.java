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
    private static final String PREFIX = "cryptobot-test-";
    private static Map<String, String> properties;

    @Override
    public synchronized Map<String, String> start() {
        if (properties == null) {
            try {
                removeStaleDataDirectories();
                Path dataDir = Files.createTempDirectory(PREFIX);
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

    /**
     * Each test JVM leaves a data directory behind (its server stops only when the JVM exits, after any hook of
     * ours could delete it), and a benchmark run leaves gigabytes. Directories whose server is no longer running
     * are removed before a new one is made.
     */
    private static void removeStaleDataDirectories() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var candidates = Files.list(tmp)) {
            for (Path dir : candidates.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                if (!serverRunningIn(dir.resolve("pgdata"))) {
                    deleteRecursively(dir);
                }
            }
        }
    }

    private static boolean serverRunningIn(Path pgData) {
        try {
            long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).getFirst().trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // another JVM may be deleting it too; what is left is retried next time
        }
    }

    @Override
    public void stop() {
        // The embedded server stops with the JVM (shutdown hook); other test classes reuse it until then.
    }
}
