package io.cryptobot.marketdata.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort;
import io.cryptobot.marketdata.domain.DatasetTarget;
import io.cryptobot.marketdata.domain.ImportFormat;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.ImportLimits;
import io.cryptobot.marketdata.domain.ImportStatus;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.RowError;
import io.cryptobot.marketdata.domain.StoredCandlesLimit;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportJobRunnerTest {
    private static final String ROW_0 = "1704067200000,10,11,9,10.5,1,1704067259999,0,0,0,0,0";
    private static final String ROW_1 = "1704067260000,10.5,12,10,11,2,1704067319999,0,0,0,0,0";
    private final Instrument instrument = Instrument.define("BINANCE", "BTC", "USDT", "0.01", "0.00001").get();
    private final List<ImportJob> saved = new ArrayList<>();
    private final InMemoryCandles candles = new InMemoryCandles();
    private final UserId owner = new UserId(UUID.randomUUID());
    private final ImportJobRunner runner = new ImportJobRunner(saved::add, candles, new StoredCandlesLimit(3),
            () -> Instant.parse("2026-11-22T05:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void a_valid_file_is_validated_then_stored_and_deleted() throws IOException {
        Path file = write("a.csv", ROW_0 + "\n" + ROW_1 + "\n");

        ImportJob done = run(file);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.rowsTotal()).isEqualTo(2);
        assertThat(done.inserted()).isEqualTo(2);
        assertThat(candles.of(owner)).containsExactly(1_704_067_200_000L, 1_704_067_260_000L);
        assertThat(candles.of(SHARED)).isEmpty();
        assertThat(saved).extracting(ImportJob::status).containsSubsequence(ImportStatus.VALIDATING,
                ImportStatus.IMPORTING, ImportStatus.COMPLETED);
        assertThat(file).doesNotExist();
    }

    @Test
    void one_refused_row_means_nothing_is_offered_to_the_store() throws IOException {
        Path file = write("a.csv", ROW_0 + "\n" + "1704067260000,10.5,9,10,11,2,0,0,0,0,0,0\n");

        ImportJob done = run(file);

        assertThat(done.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.errors()).extracting(RowError::line).containsExactly(2L);
        assertThat(candles.calls).isZero();
        assertThat(file).doesNotExist();
    }

    @Test
    void a_zip_is_recognised_by_its_bytes_and_errors_name_the_entry() throws IOException {
        Path zip = dir.resolve("upload.bin");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
            archive.putNextEntry(new ZipEntry("jan.csv"));
            archive.write((ROW_0 + "\n").getBytes(StandardCharsets.US_ASCII));
            archive.putNextEntry(new ZipEntry("feb.csv"));
            archive.write((ROW_1 + "\nbroken\n").getBytes(StandardCharsets.US_ASCII));
        }

        ImportJob done = run(zip);

        assertThat(done.rowsTotal()).isEqualTo(3);
        assertThat(done.errors()).singleElement().satisfies(e -> {
            assertThat(e.entry()).isEqualTo("feb.csv");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.location()).isEqualTo("feb.csv line 2");
        });
    }

    @Test
    void a_store_failure_fails_the_job_without_leaking_internals() throws IOException {
        candles.failing = true;

        ImportJob done = run(write("a.csv", ROW_0 + "\n"));

        assertThat(done.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.failure().get()).matches("the import failed unexpectedly \\(incident [0-9a-f-]{36}\\); "
                + "nothing was stored").doesNotContain("db-7");
    }

    @Test
    void an_error_such_as_running_out_of_memory_still_ends_the_job() throws IOException {
        candles.error = new OutOfMemoryError("Java heap space");

        ImportJob done = run(write("a.csv", ROW_0 + "\n"));

        assertThat(done.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.failure().get()).contains("incident");
        assertThat(saved.getLast().status()).isEqualTo(ImportStatus.FAILED);
    }

    @Test
    void a_line_past_the_length_limit_stops_validation_there_and_names_the_limit() throws IOException {
        Path file = write("a.csv", ROW_0 + "\n" + "9".repeat(200) + "\n" + ROW_1 + "\n");

        ImportJob done = run(file, new ImportLimits(100, 1 << 20, 1_000, 3, 10));

        assertThat(done.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.failure().get()).isEqualTo("a line is longer than 100 characters "
                + "(limit max-line-length = 100); nothing was stored");
        assertThat(done.errors()).singleElement().satisfies(e -> assertThat(e.location()).isEqualTo("line 2"));
        assertThat(candles.calls).isZero();
        assertThat(file).doesNotExist();
    }

    @Test
    void blank_lines_count_against_the_row_limit() throws IOException {
        Path file = write("a.csv", ROW_0 + "\n\n\n\n" + ROW_1 + "\n");

        ImportJob done = run(file, new ImportLimits(4096, 1 << 20, 4, 3, 10));

        assertThat(done.failure().get()).startsWith("the upload has more than 4 lines");
        assertThat(done.errors()).extracting(RowError::line).containsExactly(5L);
        assertThat(candles.calls).isZero();
    }

    @Test
    void bytes_are_counted_as_they_are_inflated_over_all_entries() throws IOException {
        Path zip = dir.resolve("upload.bin");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
            archive.putNextEntry(new ZipEntry("jan.csv"));
            archive.write((ROW_0 + "\n").getBytes(StandardCharsets.US_ASCII));
            archive.putNextEntry(new ZipEntry("feb.csv"));
            archive.write((ROW_1 + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        long both = ROW_0.length() + 1 + ROW_1.length() + 1;

        ImportJob fits = run(copy(zip), new ImportLimits(4096, both, 1_000, 3, 10));
        ImportJob over = run(zip, new ImportLimits(4096, both - 1, 1_000, 3, 10));

        assertThat(fits.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(over.failure().get()).startsWith("the upload unpacks to more than " + (both - 1) + " bytes");
        assertThat(over.errors()).singleElement().satisfies(e -> assertThat(e.entry()).isEqualTo("feb.csv"));
    }

    @Test
    void a_zip_with_more_entries_than_the_limit_is_refused_at_the_first_one_too_many() throws IOException {
        Path zip = dir.resolve("upload.bin");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
            for (String name : List.of("a/", "a/jan.csv", "a/feb.csv")) {
                archive.putNextEntry(new ZipEntry(name));
            }
        }

        ImportJob done = run(zip, new ImportLimits(4096, 1 << 20, 1_000, 2, 10));

        assertThat(done.failure().get()).startsWith("the zip archive has more than 2 entries");
        assertThat(done.errors()).singleElement().satisfies(e -> assertThat(e.entry()).isEqualTo("a/feb.csv"));
    }

    private Path copy(Path file) throws IOException {
        return Files.copy(file, dir.resolve(UUID.randomUUID() + ".bin"));
    }

    @Test
    void an_unreadable_file_fails_the_job_without_naming_where_it_was_spooled() {
        Path gone = dir.resolve("spool").resolve(UUID.randomUUID() + ".upload");

        ImportJob done = run(gone);

        assertThat(done.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.failure().get()).startsWith("the file could not be read")
                .doesNotContain(dir.toString()).doesNotContain(".upload");
    }

    @Test
    void an_admins_shared_import_goes_to_the_shared_data_and_counts_against_nobody() throws IOException {
        ImportJob done = run(write("a.csv", ROW_0 + "\n" + ROW_1 + "\n"), DatasetTarget.SHARED,
                new ImportLimits(4096, 1 << 20, 1_000, 3, 10));

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.dataset()).isEqualTo(DatasetTarget.SHARED);
        assertThat(candles.of(SHARED)).hasSize(2);
        assertThat(candles.of(owner)).isEmpty();
    }

    @Test
    void an_import_that_would_pass_the_stored_limit_fails_naming_it_and_keeps_nothing() throws IOException {
        run(write("a.csv", ROW_0 + "\n" + ROW_1 + "\n"));
        String row2 = "1704067320000,11,12,10,11.5,1,1704067379999,0,0,0,0,0";
        String row3 = "1704067380000,11.5,12,11,11.75,1,1704067439999,0,0,0,0,0";

        ImportJob done = run(write("b.csv", ROW_0 + "\n" + row2 + "\n" + row3 + "\n"));

        assertThat(done.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.failure().get()).isEqualTo("storing these candles would bring your datasets to 4 candles, "
                + "more than you may store (limit stored-candles-per-user = 3); nothing was stored");
        assertThat(candles.of(owner)).hasSize(2);
    }

    @Test
    void re_importing_candles_already_stored_does_not_count_them_twice() throws IOException {
        run(write("a.csv", ROW_0 + "\n" + ROW_1 + "\n"));
        String row2 = "1704067320000,11,12,10,11.5,1,1704067379999,0,0,0,0,0";

        ImportJob done = run(write("b.csv", ROW_0 + "\n" + ROW_1 + "\n" + row2 + "\n"));

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.inserted()).isEqualTo(1);
        assertThat(candles.of(owner)).hasSize(3);
    }

    private ImportJob run(Path file) {
        return run(file, new ImportLimits(4096, 1 << 20, 1_000, 3, 10));
    }

    private ImportJob run(Path file, ImportLimits limits) {
        return run(file, DatasetTarget.PRIVATE, limits);
    }

    private ImportJob run(Path file, DatasetTarget dataset, ImportLimits limits) {
        ImportJob queued = ImportJob.queue(owner, instrument.id(), Timeframe.M1, dataset, "binance file",
                Instant.EPOCH);
        return runner.run(queued, instrument, new FileCandleSource(file, ImportFormat.BINANCE, instrument,
                Timeframe.M1, limits));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static final UserId SHARED = new UserId(new UUID(-1L, -1L));

    /**
     * Keeps open times per owner like the table's primary key would: a second copy of a candle is not stored. A
     * private insert that would take the owner past the limit keeps nothing, as the store's transaction does.
     */
    private static final class InMemoryCandles implements SaveCandlesPort {
        private final Map<UserId, TreeSet<Long>> stored = new HashMap<>();
        private int calls;
        private boolean failing;
        private Error error;

        TreeSet<Long> of(UserId owner) {
            return stored.computeIfAbsent(owner, o -> new TreeSet<>());
        }

        @Override
        public InsertOutcome insertAll(Instrument instrument, Timeframe timeframe, CandleFeed feed,
                                       InsertProgress progress) {
            return insert(SHARED, feed);
        }

        @Override
        public Either<LimitPassed, InsertOutcome> insertPrivate(UserId owner, Instrument instrument,
                                                                Timeframe timeframe, CandleFeed feed,
                                                                InsertProgress progress, StoredCandlesLimit limit) {
            TreeSet<Long> before = new TreeSet<>(of(owner));
            InsertOutcome outcome = insert(owner, feed);
            if (limit.passedBy(of(owner).size())) {
                long wouldStore = of(owner).size();
                stored.put(owner, before);
                return Either.left(new LimitPassed(wouldStore));
            }
            return Either.right(outcome);
        }

        private InsertOutcome insert(UserId owner, CandleFeed feed) {
            calls++;
            if (failing) {
                throw new IllegalStateException("connection refused by db-7.internal");
            }
            if (error != null) {
                throw error;
            }
            long[] counts = new long[2];
            feed.forEachBatch(batch -> {
                for (int i = 0; i < batch.size(); i++) {
                    counts[0]++;
                    if (of(owner).add(batch.openTime(i))) {
                        counts[1]++;
                    }
                }
            });
            return new InsertOutcome(counts[0], counts[1]);
        }
    }
}
