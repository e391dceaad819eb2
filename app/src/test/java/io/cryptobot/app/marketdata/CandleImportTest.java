package io.cryptobot.app.marketdata;

import static io.cryptobot.app.marketdata.MarketData.kline;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CandleImportTest {
    private static final long JAN_2024 = 1_704_067_200_000L;
    private static final long JAN_2025 = 1_735_689_600_000L;
    private final TestUser trader = TestUsers.create("trader");

    @Test
    void imports_binance_rows_with_millisecond_and_microsecond_timestamps() {
        String base = MarketData.newInstrument(trader);
        byte[] file = lines(
                kline(JAN_2024, "42283.58", "42554.57", "42261.02", "42475.23", "1271.68108"),
                kline(JAN_2024 + 60_000, "42475.23", "42500.00", "42400.00", "42410.10", "3.5"),
                kline(JAN_2025 * 1000, "93576.00000000", "93610.93000000", "93537.50000000", "93610.93000000",
                        "8.21827000"));

        JsonPath job = MarketData.importAndWait(trader, base, "1m", "binance", "klines.csv", file);

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getLong("rowsTotal")).isEqualTo(3);
        assertThat(job.getLong("rowsDone")).isEqualTo(3);
        assertThat(job.getLong("inserted")).isEqualTo(3);
        assertThat(job.getLong("duplicates")).isZero();
        assertThat(job.getString("finishedAt")).isNotNull();
        given().header("Authorization", trader.bearer())
                .queryParam("timeframe", "1m").queryParam("from", "2024-01-01T00:00:00Z")
                .queryParam("to", "2025-01-02T00:00:00Z")
                .get(MarketData.candlesPath(base))
                .then().statusCode(200)
                .body("count", equalTo(3))
                .body("candles[0].open", equalTo("42283.58"))
                .body("candles[0].volume", equalTo("1271.68108"))
                .body("candles[2].openTime", equalTo("2025-01-01T00:00:00Z"))
                .body("candles[2].close", equalTo("93610.93"));
    }

    @Test
    void re_importing_the_same_file_changes_nothing() {
        String base = MarketData.newInstrument(trader);
        byte[] file = lines(kline(JAN_2024, "10", "11", "9", "10.5", "1"),
                kline(JAN_2024 + 60_000, "10.5", "12", "10", "11", "2"));
        MarketData.importAndWait(trader, base, "1m", "binance", "a.csv", file);

        JsonPath again = MarketData.importAndWait(trader, base, "1m", "binance", "a.csv", file);

        assertThat(again.getString("status")).isEqualTo("completed");
        assertThat(again.getLong("inserted")).isZero();
        assertThat(again.getLong("duplicates")).isEqualTo(2);
        assertThat(MarketData.storedCandles(trader, base, "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"))
                .isEqualTo(2);
    }

    @Test
    void rows_out_of_order_and_repeated_within_a_file_are_stored_once() {
        String base = MarketData.newInstrument(trader);
        byte[] file = lines(kline(JAN_2024 + 60_000, "10.5", "12", "10", "11", "2"),
                kline(JAN_2024, "10", "11", "9", "10.5", "1"),
                kline(JAN_2024 + 60_000, "10.5", "12", "10", "11", "2"));

        JsonPath job = MarketData.importAndWait(trader, base, "1m", "binance", "a.csv", file);

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getLong("inserted")).isEqualTo(2);
        assertThat(job.getLong("duplicates")).isEqualTo(1);
    }

    @Test
    void a_file_overlapping_stored_candles_adds_only_the_new_ones() {
        String base = MarketData.newInstrument(trader);
        MarketData.importAndWait(trader, base, "1m", "binance", "a.csv",
                lines(kline(JAN_2024 + 60_000, "10.5", "12", "10", "11", "2")));

        JsonPath job = MarketData.importAndWait(trader, base, "1m", "binance", "b.csv",
                lines(kline(JAN_2024, "10", "11", "9", "10.5", "1"), kline(JAN_2024 + 60_000, "10.5", "12", "10", "11", "2"),
                        kline(JAN_2024 + 120_000, "11", "12", "10", "11", "2")));

        assertThat(job.getLong("inserted")).isEqualTo(2);
        assertThat(job.getLong("duplicates")).isEqualTo(1);
        assertThat(MarketData.storedCandles(trader, base, "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"))
                .isEqualTo(3);
    }

    @Test
    void imports_every_kline_file_of_a_zip_archive() throws IOException {
        String base = MarketData.newInstrument(trader);
        byte[] zip = zip(Map.of(
                "X-1h-2024-01-01.csv", lines(kline(JAN_2024, "10", "11", "9", "10.5", "1"),
                        kline(JAN_2024 + 3_600_000, "10.5", "12", "10", "11", "2")),
                "X-1h-2025-01-01.csv", lines(kline(JAN_2025 * 1000, "20", "21", "19", "20.5", "3"))));

        JsonPath job = MarketData.importAndWait(trader, base, "1h", "binance", "klines.bin", zip);

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getLong("inserted")).isEqualTo(3);
        assertThat(MarketData.storedCandles(trader, base, "1h", "0", "2025-02-01T00:00:00Z")).isEqualTo(3);
    }

    @Test
    void imports_a_generic_csv_with_a_header() {
        String base = MarketData.newInstrument(trader);
        byte[] csv = lines("timestamp,open,high,low,close,volume",
                "2024-03-01T00:00:00Z,100.5,101,100,100.75,12.5",
                "1709251500000,100.75,102,100.5,101.25,3");

        JsonPath job = MarketData.importAndWait(trader, base, "5m", "csv", "prices.csv", csv);

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getLong("inserted")).isEqualTo(2);
        given().header("Authorization", trader.bearer())
                .queryParam("timeframe", "5m")
                .get(MarketData.candlesPath(base) + "/latest")
                .then().statusCode(200)
                .body("price", equalTo("101.25"))
                .body("candle.openTime", equalTo("2024-03-01T00:05:00Z"));
    }

    @Test
    void a_malformed_file_is_refused_with_line_numbers_and_nothing_is_stored() {
        String base = MarketData.newInstrument(trader);
        byte[] file = lines(kline(JAN_2024, "10", "11", "9", "10.5", "1"),
                "1704067260000,10,11,9",
                kline(JAN_2024 + 120_000, "10", "8", "9", "10.5", "1"),
                kline(JAN_2024 + 180_000, "10.001", "11", "9", "10.5", "1"),
                kline(JAN_2024 + 240_000, "10", "11", "9", "10.5", "1"));

        JsonPath job = MarketData.importAndWait(trader, base, "1m", "binance", "bad.csv", file);

        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getLong("rowsTotal")).isEqualTo(5);
        assertThat(job.getLong("errorCount")).isEqualTo(3);
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(2, 3, 4);
        List<String> reasons = job.getList("errors.reason", String.class);
        assertThat(reasons.get(0)).isEqualTo("expected 12 columns, found 4");
        assertThat(reasons.get(1)).contains("high 8 is below low 9");
        assertThat(reasons.get(2)).contains("more than 2 decimals");
        assertThat(job.getLong("inserted")).isZero();
        assertThat(MarketData.storedCandles(trader, base, "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"))
                .isZero();
    }

    @Test
    void lists_the_callers_own_jobs_only() {
        String base = MarketData.newInstrument(trader);
        String id = MarketData.upload(trader, base, "1m", "binance", "a.csv",
                lines(kline(JAN_2024, "10", "11", "9", "10.5", "1"))).then().statusCode(202).extract().path("id");
        MarketData.awaitJob(trader, id);
        TestUser other = TestUsers.create("trader");

        given().header("Authorization", trader.bearer()).get("/api/marketdata/imports")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", hasItem(id));
        given().header("Authorization", other.bearer()).get("/api/marketdata/imports")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void another_users_job_is_not_found() {
        String base = MarketData.newInstrument(trader);
        String id = MarketData.upload(trader, base, "1m", "binance", "a.csv",
                lines(kline(JAN_2024, "10", "11", "9", "10.5", "1"))).then().statusCode(202).extract().path("id");
        TestUser other = TestUsers.create("admin");

        given().header("Authorization", other.bearer()).get("/api/marketdata/imports/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("marketdata.import.not_found"));
    }

    @Test
    void a_viewer_cannot_import() {
        String base = MarketData.newInstrument(trader);
        TestUser viewer = TestUsers.create("viewer");

        MarketData.upload(viewer, base, "1m", "binance", "a.csv", lines(kline(JAN_2024, "10", "11", "9", "10.5", "1")))
                .then().statusCode(403);
    }

    @Test
    void an_import_without_a_token_is_unauthorized() {
        given().queryParam("instrument", "BINANCE:BTC/USDT").queryParam("timeframe", "1m")
                .queryParam("format", "binance")
                .multiPart("file", "a.csv", lines(kline(JAN_2024, "10", "11", "9", "10.5", "1")))
                .post("/api/marketdata/imports")
                .then().statusCode(401);
    }

    @Test
    void bad_parameters_are_refused_before_any_job_exists() {
        String base = MarketData.newInstrument(trader);
        TestUser fresh = TestUsers.create("trader");

        given().header("Authorization", fresh.bearer())
                .queryParam("instrument", "not-an-instrument").queryParam("timeframe", "7m")
                .queryParam("format", "parquet")
                .multiPart("file", "a.csv", lines(kline(JAN_2024, "10", "11", "9", "10.5", "1")))
                .post("/api/marketdata/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("instrument", "timeframe", "format"));
        MarketData.upload(fresh, "NOSUCH" + base.substring(1, 5), "1m", "binance", "a.csv",
                        lines(kline(JAN_2024, "10", "11", "9", "10.5", "1")))
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", fresh.bearer()).get("/api/marketdata/imports")
                .then().statusCode(200).body("total", equalTo(0));
    }

    static byte[] lines(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
