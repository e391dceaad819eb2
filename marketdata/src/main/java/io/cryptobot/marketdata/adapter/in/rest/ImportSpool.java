package io.cryptobot.marketdata.adapter.in.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where uploads wait for their import job. Each upload is moved (not copied) here from the HTTP layer's temporary
 * file, because Quarkus deletes that one when the request ends while the job runs on. The import deletes its file
 * when it finishes; {@link #clear()} removes what a killed process left behind.
 */
public final class ImportSpool {
    private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "cryptobot-imports");

    private ImportSpool() {
    }

    static Path take(Path uploaded) {
        try {
            Files.createDirectories(DIRECTORY);
            Path target = DIRECTORY.resolve(UUID.randomUUID() + ".upload");
            // a rename when uploads and spool share a file system (the default), a copy otherwise
            return Files.move(uploaded, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every spooled upload; call only when no import is running (at start-up). Returns the count. */
    public static int clear() {
        if (!Files.isDirectory(DIRECTORY)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(DIRECTORY)) {
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
