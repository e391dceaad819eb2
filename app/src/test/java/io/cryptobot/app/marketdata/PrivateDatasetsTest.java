package io.cryptobot.app.marketdata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, finding 4: one trader's upload changed what another trader's backtests and bots read. Uploads are now
 * the uploader's private dataset; shared data is written by the platform and admins only.
 */
@QuarkusTest
class PrivateDatasetsTest {
    private static final String FROM = "2024-01-01T00:00:00Z";
    private static final long FROM_MS = Instant.parse(FROM).toEpochMilli();
    private static final long MIN = 60_000;
    private static final long LIMIT = 5_000_000;
    private final TestUser a = TestUsers.create("trader");
    private final TestUser b = TestUsers.create("trader");
    private final TestUser c = TestUsers.create("trader");
    private final TestUser admin = TestUsers.create("admin");

    /** The reviewer's exact scenario: A loads candles, B imports 10 candles at 1.00 into the same instrument. */
    @Test
    void another_traders_import_changes_neither_my_latest_price_nor_my_backtest() {
        String instrument = TradingFixtures.newInstrumentWithCandles(a, FROM, 1_440);
        String path = path(instrument);
        String aLatest = latest(a, path).getString("price");
        JsonPath aReport = report(a, backtest(a, instrument, FROM, "2024-01-02T00:00:00Z"));

        JsonPath job = importKlines(b, instrument, "csv", klines(FROM_MS + 1_440 * MIN, 10, "1.00"), null);

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getString("dataset")).isEqualTo("private");
        assertThat(job.getLong("inserted")).isEqualTo(10);
        assertThat(latest(a, path).getString("price")).isEqualTo(aLatest).isNotEqualTo("1.00");
        JsonPath again = report(a, backtest(a, instrument, FROM, "2024-01-02T00:00:00Z"));
        assertThat(again.getString("finalEquity")).isEqualTo(aReport.getString("finalEquity"));
        assertThat(again.getInt("trades")).isEqualTo(aReport.getInt("trades"));
        assertThat(again.getLong("candles")).isEqualTo(aReport.getLong("candles"));
        // B sees their own, and only their own
        assertThat(latest(b, path).getString("price")).isEqualTo("1.00");
        assertThat(count(b, path, FROM, "2024-01-03T00:00:00Z")).isEqualTo(10);
        assertThat(count(a, path, FROM, "2024-01-03T00:00:00Z")).isEqualTo(1_440);
        // reads taking turns never serve one reader's view to the other
        for (int i = 0; i < 3; i++) {
            assertThat(latest(a, path).getString("price")).isEqualTo(aLatest);
            assertThat(latest(b, path).getString("price")).isEqualTo("1.00");
        }
    }

    @Test
    void a_backtest_reads_its_owners_candles_only() {
        String instrument = TradingFixtures.newInstrumentWithCandles(a, FROM, 60);
        importKlines(b, instrument, "csv", klines(FROM_MS + 600 * MIN, 120, "2.00"), null);
        String from = Instant.ofEpochMilli(FROM_MS + 600 * MIN).toString();
        String to = Instant.ofEpochMilli(FROM_MS + 720 * MIN).toString();

        String bRun = backtest(b, instrument, from, to);
        assertThat(awaitFinished(b, bRun).getLong("candlesProcessed")).isEqualTo(120);
        given().header("Authorization", a.bearer()).contentType(ContentType.JSON)
                .body(backtestRequest(instrument, from, to)).post("/api/backtests")
                .then().statusCode(400).body("errors.reason", hasItem(containsString("no 1m candles of "
                        + instrument + " in the range")));
        given().header("Authorization", b.bearer()).contentType(ContentType.JSON)
                .body(backtestRequest(instrument, FROM, Instant.ofEpochMilli(FROM_MS + 60 * MIN).toString()))
                .post("/api/backtests").then().statusCode(400);
    }

    @Test
    void a_bot_and_a_replay_read_their_owners_candles_only() {
        String instrument = TradingFixtures.newInstrumentWithCandles(a, FROM, 60);
        Map<String, Object> bot = new HashMap<>();
        bot.put("name", "sma " + UUID.randomUUID());
        bot.put("strategy", "sma_crossover");
        bot.put("parameters", Map.of("fast", "5", "slow", "20"));
        bot.put("instrument", instrument);
        bot.put("timeframe", "1m");
        bot.put("accountId", TradingFixtures.paperAccount(b, "1000"));
        bot.put("feed", Map.of("kind", "replay", "from", FROM, "to", "2024-01-01T01:00:00Z", "speed", "600"));
        given().header("Authorization", b.bearer()).contentType(ContentType.JSON).body(bot).post("/api/bots")
                .then().statusCode(400).body("errors.reason", hasItem(containsString("no 1m candles")));

        Map<String, Object> replay = Map.of("instrument", instrument, "timeframe", "1m", "from", FROM,
                "to", "2024-01-01T00:10:00Z", "speed", "600");
        assertThat(replayedCandles(a, replay)).hasSize(10);
        assertThat(replayedCandles(b, replay)).isEmpty();
    }

    @Test
    void shared_data_is_untouched_by_a_traders_import_until_an_admin_publishes_it() {
        String base = MarketData.newInstrument(admin);
        String instrument = MarketData.instrument(base);
        String path = MarketData.candlesPath(base);
        JsonPath shared = importKlines(admin, instrument, "csv", klines(FROM_MS, 100, "38591.67"), "shared");
        assertThat(shared.getString("dataset")).isEqualTo("shared");
        // B's 10 candles: the last 5 shared open times, and 5 after them
        importKlines(b, instrument, "csv", klines(FROM_MS + 95 * MIN, 10, "1.00"), null);

        assertThat(latest(c, path).getString("price")).isEqualTo("38591.67");
        assertThat(latest(b, path).getString("price")).isEqualTo("1.00");
        assertThat(close(b, path, FROM_MS + 97 * MIN)).isEqualTo("1.00");
        assertThat(close(c, path, FROM_MS + 97 * MIN)).isEqualTo("38591.67");
        assertThat(count(b, path, FROM, "2024-01-02T00:00:00Z")).isEqualTo(105);
        assertThat(gaps(c, path, FROM, Instant.ofEpochMilli(FROM_MS + 105 * MIN).toString())).isEqualTo(5);
        assertThat(gaps(b, path, FROM, Instant.ofEpochMilli(FROM_MS + 105 * MIN).toString())).isZero();
        given().header("Authorization", b.bearer()).get("/api/marketdata/datasets").then().statusCode(200)
                .body("stored", equalTo(10)).body("limit", equalTo((int) LIMIT))
                .body("datasets.instrument", equalTo(List.of(instrument)))
                .body("datasets[0].candles", equalTo(10))
                .body("datasets[0].first", equalTo(Instant.ofEpochMilli(FROM_MS + 95 * MIN).toString()))
                .body("datasets[0].last", equalTo(Instant.ofEpochMilli(FROM_MS + 104 * MIN).toString()));

        Map<String, Object> publication = Map.of("owner", b.id().toString(), "instrument", instrument,
                "timeframe", "1m");
        given().header("Authorization", b.bearer()).contentType(ContentType.JSON).body(publication)
                .post("/api/admin/marketdata/publications").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("auth.forbidden"));
        JsonPath published = given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(publication).post("/api/admin/marketdata/publications").then().statusCode(200)
                .extract().jsonPath();

        assertThat(published.getLong("added")).isEqualTo(5);
        assertThat(published.getLong("replaced")).isEqualTo(5);
        assertThat(published.getString("admin")).isEqualTo(admin.id().toString());
        assertThat(published.getString("owner")).isEqualTo(b.id().toString());
        assertThat(latest(c, path).getString("price")).isEqualTo("1.00");
        assertThat(latest(a, path).getString("price")).isEqualTo("1.00");
        assertThat(close(c, path, FROM_MS + 97 * MIN)).isEqualTo("1.00");
        assertThat(count(c, path, FROM, "2024-01-02T00:00:00Z")).isEqualTo(105);
        given().header("Authorization", b.bearer()).get("/api/marketdata/datasets").then().statusCode(200)
                .body("stored", equalTo(0)).body("datasets", empty());
        given().header("Authorization", admin.bearer()).get("/api/admin/marketdata/publications?limit=500")
                .then().statusCode(200).body("items.id", hasItem(published.getString("id")));
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON).body(publication)
                .post("/api/admin/marketdata/publications").then().statusCode(404)
                .body("code", equalTo("marketdata.dataset.not_found"));
        given().header("Authorization", b.bearer()).get("/api/admin/marketdata/publications").then().statusCode(403);
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("owner", "ffffffff-ffff-ffff-ffff-ffffffffffff", "instrument", instrument,
                        "timeframe", "1m"))
                .post("/api/admin/marketdata/publications").then().statusCode(404);
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("owner", "not-a-user", "instrument", instrument, "timeframe", "1h"))
                .post("/api/admin/marketdata/publications").then().statusCode(400)
                .body("errors.field", hasItem("owner"));
    }

    @Test
    void only_an_admin_may_write_shared_data() {
        String base = MarketData.newInstrument(b);
        String instrument = MarketData.instrument(base);
        int jobsBefore = jobs(b);

        Response upload = given().header("Authorization", b.bearer()).queryParam("instrument", instrument)
                .queryParam("timeframe", "1m").queryParam("format", "csv").queryParam("dataset", "shared")
                .multiPart("file", "k.csv", klines(FROM_MS, 3, "1.00"), "text/csv").post("/api/marketdata/imports");
        Map<String, Object> synthetic = new HashMap<>(Map.of("instrument", instrument, "timeframe", "1m",
                "from", FROM, "count", 10, "seed", 1, "startPrice", "1.00", "dataset", "shared"));
        Response generated = given().header("Authorization", b.bearer()).contentType(ContentType.JSON)
                .body(synthetic).post("/api/marketdata/synthetic");

        for (Response refused : List.of(upload, generated)) {
            refused.then().statusCode(403).contentType("application/problem+json")
                    .body("code", equalTo("marketdata.dataset.shared_needs_admin"));
        }
        assertThat(jobs(b)).isEqualTo(jobsBefore);
        assertThat(count(c, MarketData.candlesPath(base), FROM, "2024-01-02T00:00:00Z")).isZero();
        synthetic.put("dataset", "everyone");
        given().header("Authorization", b.bearer()).contentType(ContentType.JSON).body(synthetic)
                .post("/api/marketdata/synthetic").then().statusCode(400).body("errors.field", hasItem("dataset"));
    }

    @Test
    void a_user_at_the_stored_candles_limit_gets_413_naming_it() {
        String base = MarketData.newInstrument(b);
        String instrument = MarketData.instrument(base);
        MarketData.setStored(b, LIMIT);

        Response upload = given().header("Authorization", b.bearer()).queryParam("instrument", instrument)
                .queryParam("timeframe", "1m").queryParam("format", "csv")
                .multiPart("file", "k.csv", klines(FROM_MS, 3, "1.00"), "text/csv").post("/api/marketdata/imports");
        Response generated = given().header("Authorization", b.bearer()).contentType(ContentType.JSON)
                .body(Map.of("instrument", instrument, "timeframe", "1m", "from", FROM, "count", 10, "seed", 1,
                        "startPrice", "1.00")).post("/api/marketdata/synthetic");

        for (Response refused : List.of(upload, generated)) {
            refused.then().statusCode(413).contentType("application/problem+json")
                    .body("code", equalTo("marketdata.dataset.limit_reached"))
                    .body("detail", containsString("stored-candles-per-user = 5000000"))
                    .body("limit", equalTo("stored-candles-per-user")).body("max", equalTo(5_000_000));
        }
        // an admin's import into the shared data counts against nobody
        MarketData.setStored(admin, LIMIT);
        assertThat(importKlines(admin, instrument, "csv", klines(FROM_MS, 3, "1.00"), "shared")
                .getString("status")).isEqualTo("completed");
    }

    @Test
    void an_import_that_would_pass_the_limit_fails_naming_it_and_stores_nothing() {
        String base = MarketData.newInstrument(b);
        String instrument = MarketData.instrument(base);
        String path = MarketData.candlesPath(base);
        MarketData.setStored(b, LIMIT - 5);

        JsonPath over = importKlines(b, instrument, "csv", klines(FROM_MS, 10, "1.00"), null);

        assertThat(over.getString("status")).isEqualTo("failed");
        assertThat(over.getString("failure")).isEqualTo("storing these candles would bring your datasets to "
                + (LIMIT + 5) + " candles, more than you may store (limit stored-candles-per-user = "
                + LIMIT + "); nothing was stored");
        assertThat(count(b, path, FROM, "2024-01-02T00:00:00Z")).isZero();
        given().header("Authorization", b.bearer()).get("/api/marketdata/datasets").then()
                .body("stored", equalTo((int) (LIMIT - 5))).body("datasets", empty());

        JsonPath fits = importKlines(b, instrument, "csv", klines(FROM_MS, 5, "1.00"), null);
        assertThat(fits.getString("status")).isEqualTo("completed");
        assertThat(count(b, path, FROM, "2024-01-02T00:00:00Z")).isEqualTo(5);
        // exactly at the limit now: the next private upload is refused up front
        MarketData.upload(b, base, "1m", "csv", "k.csv", klines(FROM_MS + 10 * MIN, 1, "1.00"))
                .then().statusCode(413);
    }

    @Test
    void deleting_my_dataset_frees_my_limit_and_leaves_the_shared_candles() {
        String base = MarketData.newInstrument(admin);
        String instrument = MarketData.instrument(base);
        String path = MarketData.candlesPath(base);
        importKlines(admin, instrument, "csv", klines(FROM_MS, 20, "5.00"), "shared");
        importKlines(b, instrument, "csv", klines(FROM_MS + 10 * MIN, 20, "1.00"), null);
        assertThat(latest(b, path).getString("price")).isEqualTo("1.00");

        given().header("Authorization", b.bearer()).queryParam("timeframe", "1m")
                .delete("/api/marketdata/datasets/" + MarketData.VENUE + "/" + base + "/USDT")
                .then().statusCode(204);

        assertThat(latest(b, path).getString("price")).isEqualTo("5.00");
        assertThat(count(b, path, FROM, "2024-01-02T00:00:00Z")).isEqualTo(20);
        given().header("Authorization", b.bearer()).get("/api/marketdata/datasets").then()
                .body("stored", equalTo(0));
        given().header("Authorization", b.bearer()).queryParam("timeframe", "1m")
                .delete("/api/marketdata/datasets/" + MarketData.VENUE + "/" + base + "/USDT")
                .then().statusCode(404).body("code", equalTo("marketdata.dataset.not_found"));
        given().header("Authorization", admin.bearer()).queryParam("timeframe", "1m")
                .delete("/api/marketdata/datasets/" + MarketData.VENUE + "/" + base + "/USDT")
                .then().statusCode(404);
        assertThat(count(c, path, FROM, "2024-01-02T00:00:00Z")).isEqualTo(20);
    }

    // ---- helpers ----

    private static String path(String instrument) {
        String[] venueAndPair = instrument.split(":");
        return "/api/marketdata/candles/" + venueAndPair[0] + "/" + venueAndPair[1];
    }

    private static byte[] klines(long from, int count, String price) {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int i = 0; i < count; i++) {
            csv.append(from + i * MIN).append(',').append(price).append(',').append(price).append(',')
                    .append(price).append(',').append(price).append(",1\n");
        }
        return csv.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static JsonPath importKlines(TestUser user, String instrument, String format, byte[] content,
                                         String dataset) {
        var request = given().header("Authorization", user.bearer()).queryParam("instrument", instrument)
                .queryParam("timeframe", "1m").queryParam("format", format);
        if (dataset != null) {
            request.queryParam("dataset", dataset);
        }
        String id = request.multiPart("file", "k.csv", content, "text/csv").post("/api/marketdata/imports")
                .then().statusCode(202).extract().path("id");
        return MarketData.awaitJob(user, id);
    }

    private static JsonPath latest(TestUser user, String path) {
        return given().header("Authorization", user.bearer()).queryParam("timeframe", "1m").get(path + "/latest")
                .then().statusCode(200).extract().jsonPath();
    }

    private static int count(TestUser user, String path, String from, String to) {
        return given().header("Authorization", user.bearer()).queryParam("timeframe", "1m").queryParam("from", from)
                .queryParam("to", to).queryParam("limit", 10_000).get(path).then().statusCode(200).extract()
                .path("count");
    }

    private static String close(TestUser user, String path, long openTime) {
        return given().header("Authorization", user.bearer()).queryParam("timeframe", "1m")
                .queryParam("from", openTime).queryParam("to", openTime + MIN).get(path).then().statusCode(200)
                .extract().path("candles[0].close");
    }

    private static long gaps(TestUser user, String path, String from, String to) {
        return given().header("Authorization", user.bearer()).queryParam("timeframe", "1m").queryParam("from", from)
                .queryParam("to", to).get(path + "/gaps").then().statusCode(200).extract().jsonPath()
                .getLong("missing");
    }

    private static int jobs(TestUser user) {
        return given().header("Authorization", user.bearer()).get("/api/marketdata/imports").then().statusCode(200)
                .extract().path("total");
    }

    private static Map<String, Object> backtestRequest(String instrument, String from, String to) {
        Map<String, Object> request = new HashMap<>();
        request.put("strategy", "sma_crossover");
        request.put("parameters", Map.of("fast", 5, "slow", 20));
        request.put("instruments", List.of(instrument));
        request.put("timeframe", "1m");
        request.put("from", from);
        request.put("to", to);
        request.put("startingCash", "10000");
        request.put("takerFee", "0.001");
        return request;
    }

    private static String backtest(TestUser user, String instrument, String from, String to) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                .body(backtestRequest(instrument, from, to)).post("/api/backtests").then().statusCode(202)
                .extract().path("id");
    }

    private static JsonPath report(TestUser user, String id) {
        assertThat(awaitFinished(user, id).getString("status")).isEqualTo("completed");
        return given().header("Authorization", user.bearer()).get("/api/backtests/" + id + "/report").then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitFinished(TestUser user, String id) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonPath run = given().header("Authorization", user.bearer()).get("/api/backtests/" + id).then()
                    .statusCode(200).extract().jsonPath();
            if (!List.of("queued", "running", "storing").contains(run.getString("status"))) {
                return run;
            }
            assertThat(System.nanoTime()).as("run %s still running", id).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> replayedCandles(TestUser user, Map<String, Object> replay) {
        String id = given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(replay)
                .post("/api/marketdata/replays").then().statusCode(201).extract().path("id");
        String events = given().header("Authorization", user.bearer()).accept("text/event-stream")
                .get("/api/marketdata/replays/" + id + "/candles").then().statusCode(200).extract().asString();
        return events.lines().filter(line -> line.startsWith("data:")).toList();
    }
}
