package io.cryptobot.app.marketdata;

import static io.cryptobot.app.marketdata.CandleImportTest.lines;
import static io.cryptobot.app.marketdata.MarketData.kline;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads that break a limit fail fast with the limit named and store nothing, and imports are scheduled fairly
 * between users. The limits are small here so that every bomb is cheap to build and to refuse; archives are
 * written streaming to a temporary file, so the test never holds the content it describes.
 */
@QuarkusTest
@TestProfile(ImportLimitsTest.SmallLimits.class)
class ImportLimitsTest {
    private static final long JAN_2024 = 1_704_067_200_000L;
    private static final int MAX_ROWS = 1_000;
    private static final int MAX_UNFINISHED = 4;
    private final TestUser trader = TestUsers.create("trader");

    @TempDir
    Path dir;

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cryptobot.marketdata.import.max-line-length", "4096",
                    "cryptobot.marketdata.import.max-uncompressed-bytes", "1048576",
                    "cryptobot.marketdata.import.max-rows", Integer.toString(MAX_ROWS),
                    "cryptobot.marketdata.import.max-entries", "3",
                    "cryptobot.marketdata.import.max-unfinished-per-user", Integer.toString(MAX_UNFINISHED));
        }
    }

    @Test
    void a_zip_of_one_endless_line_fails_fast_on_the_line_length_limit() throws IOException {
        String base = MarketData.newInstrument(trader);
        Path bomb = zipOf("endless.csv", (byte) 'a', 50L << 20);

        JsonPath job = MarketData.importAndWait(trader, base, "1m", "binance", bomb);

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("failure")).contains("max-line-length").contains("4096");
        assertThat(job.getList("errors.entry", String.class)).containsExactly("endless.csv");
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(1);
        assertThat(job.getLong("durationMillis")).isLessThan(5_000);
        assertThat(job.getLong("inserted")).isZero();
    }

    @Test
    void a_zip_of_newlines_fails_fast_on_the_row_limit() throws IOException {
        String base = MarketData.newInstrument(trader);
        Path bomb = zipOf("blank.csv", (byte) '\n', 64L << 20);

        JsonPath job = MarketData.importAndWait(trader, base, "1m", "binance", bomb);

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("failure")).contains("max-rows").contains("1000");
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(MAX_ROWS + 1);
        assertThat(job.getLong("durationMillis")).isLessThan(5_000);
    }

    @Test
    void an_upload_that_unpacks_beyond_the_size_limit_fails_on_it() throws IOException {
        String base = MarketData.newInstrument(trader);
        Path zip = dir.resolve("wide.zip");
        String line = "a".repeat(4_000) + "\n";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("wide.csv"));
            for (int i = 0; i < 600; i++) {
                out.write(line.getBytes(StandardCharsets.US_ASCII));
            }
        }

        JsonPath job = MarketData.importAndWait(trader, base, "1m", "binance", zip);

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("failure")).contains("max-uncompressed-bytes").contains("1048576");
        assertThat(job.getList("errors.entry", String.class)).containsExactly("wide.csv");
    }

    @Test
    void a_csv_with_more_rows_than_the_limit_is_refused_and_nothing_is_stored() {
        String base = MarketData.newInstrument(trader);
        List<String> rows = new ArrayList<>(List.of("timestamp,open,high,low,close,volume"));
        for (int i = 0; i < MAX_ROWS; i++) {
            rows.add((JAN_2024 + i * 60_000L) + ",10,11,9,10.5,1");
        }

        JsonPath job = MarketData.importAndWait(trader, base, "1m", "csv", "many.csv",
                lines(rows.toArray(String[]::new)));

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("failure")).contains("max-rows").contains("1000");
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(MAX_ROWS + 1);
        assertThat(MarketData.storedCandles(trader, base, "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"))
                .isZero();
    }

    @Test
    void a_csv_line_longer_than_the_limit_is_refused() {
        String base = MarketData.newInstrument(trader);

        JsonPath job = MarketData.importAndWait(trader, base, "1m", "csv", "long.csv",
                lines("timestamp,open,high,low,close,volume", JAN_2024 + ",10,11,9,10.5,1," + "x".repeat(5_000)));

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("failure")).contains("max-line-length");
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(2);
    }

    @Test
    void a_zip_with_more_entries_than_the_limit_is_refused() throws IOException {
        String base = MarketData.newInstrument(trader);
        byte[] zip = CandleImportTest.zip(Map.of("a.csv", lines(kline(JAN_2024, "10", "11", "9", "10.5", "1")),
                "b.csv", lines(kline(JAN_2024 + 60_000, "10", "11", "9", "10.5", "1")),
                "c.csv", lines(kline(JAN_2024 + 120_000, "10", "11", "9", "10.5", "1")),
                "d.csv", lines(kline(JAN_2024 + 180_000, "10", "11", "9", "10.5", "1"))));

        JsonPath job = MarketData.importAndWait(trader, base, "1m", "binance", "four.zip", zip);

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("failure")).contains("max-entries").contains("3");
        assertThat(MarketData.storedCandles(trader, base, "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"))
                .isZero();
    }

    @Test
    void a_file_at_the_limits_is_imported() {
        String base = MarketData.newInstrument(trader);
        String[] rows = new String[MAX_ROWS];
        for (int i = 0; i < MAX_ROWS; i++) {
            rows[i] = kline(JAN_2024 + i * 60_000L, "10", "11", "9", "10.5", "1");
        }

        JsonPath job = MarketData.importAndWait(trader, base, "1m", "binance", "full.csv", lines(rows));

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getLong("inserted")).isEqualTo(MAX_ROWS);
    }

    @Test
    void a_user_with_the_most_unfinished_imports_gets_429_naming_the_limit() {
        String base = MarketData.newInstrument(trader);
        // the first two keep both import workers busy for seconds (200,000 candles took 1.3 s on a quiet machine,
        // which finished one before the upload below at times); the others wait behind them, unfinished
        for (int i = 0; i < MAX_UNFINISHED; i++) {
            synthetic(trader, base, i, i < 2 ? 1_000_000 : 1_000);
        }

        MarketData.upload(trader, base, "1m", "binance", "a.csv", lines(kline(JAN_2024, "10", "11", "9", "10.5", "1")))
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("code", equalTo("marketdata.import.too_many_unfinished"))
                .body("detail", containsString(Integer.toString(MAX_UNFINISHED)))
                .body("detail", containsString("max-unfinished-per-user"));
        given().header("Authorization", trader.bearer()).get("/api/marketdata/imports")
                .then().statusCode(200).body("total", equalTo(MAX_UNFINISHED));
    }

    @Test
    void another_users_small_import_does_not_wait_behind_ones_queue() {
        TestUser heavy = TestUsers.create("trader");
        String heavyBase = MarketData.newInstrument(heavy);
        List<String> heavyJobs = new ArrayList<>();
        for (int i = 0; i < MAX_UNFINISHED; i++) {
            heavyJobs.add(synthetic(heavy, heavyBase, i, 300_000));
        }
        String base = MarketData.newInstrument(trader);

        String small = MarketData.upload(trader, base, "1m", "binance", "small.csv",
                        lines(kline(JAN_2024, "10", "11", "9", "10.5", "1"),
                                kline(JAN_2024 + 60_000, "10", "11", "9", "10.5", "1"),
                                kline(JAN_2024 + 120_000, "10", "11", "9", "10.5", "1")))
                .then().statusCode(202).extract().path("id");
        JsonPath smallJob = MarketData.awaitJob(trader, small);
        List<JsonPath> heavyDone = heavyJobs.stream().map(id -> MarketData.awaitJob(heavy, id)).toList();

        assertThat(smallJob.getString("status")).isEqualTo("completed");
        Instant smallCreated = Instant.parse(smallJob.getString("createdAt"));
        Instant smallFinished = Instant.parse(smallJob.getString("finishedAt"));
        // two workers: at most two heavy imports run when the small one arrives; it must not wait for the others
        List<Instant> waitingWhenSmallArrived = heavyDone.stream()
                .map(job -> Instant.parse(job.getString("startedAt")))
                .filter(started -> started.isAfter(smallCreated)).toList();
        assertThat(waitingWhenSmallArrived).as("heavy imports still queued when the small one arrived")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(heavyDone).allSatisfy(job -> assertThat(job.getString("status")).isEqualTo("completed"));
        assertThat(heavyDone.stream().map(job -> Instant.parse(job.getString("finishedAt"))).sorted().toList()
                .subList(2, 4)).allSatisfy(finished -> assertThat(smallFinished).isBefore(finished));
    }

    private static String synthetic(TestUser user, String base, int month, int count) {
        Map<String, Object> request = Map.of("instrument", MarketData.instrument(base), "timeframe", "1m",
                "from", Instant.parse("2020-01-01T00:00:00Z").plusSeconds(month * 60L * 1_000_000).toString(),
                "count", count, "seed", 42 + month, "startPrice", "42000.00", "volatility", 0.001);
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/marketdata/synthetic")
                .then().statusCode(202).extract().path("id");
    }

    /** A zip of one entry holding {@code size} copies of {@code fill}, written in 1 MiB pieces. */
    private Path zipOf(String entry, byte fill, long size) throws IOException {
        Path zip = dir.resolve(entry + ".zip");
        byte[] piece = new byte[1 << 20];
        Arrays.fill(piece, fill);
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry(entry));
            for (long written = 0; written < size; written += piece.length) {
                out.write(piece);
            }
        }
        return zip;
    }
}
