package io.cryptobot.marketdata.adapter.in.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where uploads wait for their import job: {@code <data-dir>/imports}, the instance's own directory (never a
 * directory shared by every process on the host, whose start-up clean-up would delete another instance's
 * uploads). Each upload is moved (not copied) here from the HTTP layer's temporary file, because Quarkus deletes
 * that one when the request ends while the job runs on. The import deletes its file when it finishes;
 * {@link #clear()} removes what a killed process left behind. The directory is never shown to clients.
 */
@ApplicationScoped
public class ImportSpool {
    private final Path directory;

    @Inject
    ImportSpool(@ConfigProperty(name = "cryptobot.data-dir", defaultValue = "${user.home}/.cryptobot") String dataDir) {
        this(Path.of(dataDir).toAbsolutePath().resolve("imports"));
    }

    ImportSpool(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    Path take(Path uploaded) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(UUID.randomUUID() + ".upload");
            // a rename when uploads and spool share a file system, a copy otherwise
            return Files.move(uploaded, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every spooled upload; call only when no import is running (at start-up). Returns the count. */
    public int clear() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            int removed = 0;
            for (Path file : files.toList()) {
                if (Files.deleteIfExists(file)) {
                    removed++;
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
