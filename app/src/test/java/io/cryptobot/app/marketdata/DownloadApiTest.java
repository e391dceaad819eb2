package io.cryptobot.app.marketdata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.marketdata.application.port.in.ResumeDownloadsUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Downloads over REST, against the test-only venue SCRIPTED (an in-memory implementation of the venue port). */
@QuarkusTest
class DownloadApiTest {
    static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000;
    private final TestUser trader = TestUsers.create("trader");

    @Inject
    ScriptedTestVenue venue;

    @Inject
    ResumeDownloadsUseCase resume;

    @Test
    void a_trader_downloads_a_day_of_a_pair_new_to_the_catalog_and_reads_the_venues_candles_back() {
        InstrumentId id = venue.list(newBase(), START, 24 * 60);

        Response accepted = post(trader, body(id, "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", false));

        accepted.then().statusCode(202).body("status", equalTo("queued")).body("instrument", equalTo(id.toString()))
                .body("from", equalTo("2024-01-01T00:00:00Z")).body("to", equalTo("2024-01-02T00:00:00Z"))
                .body("cursor", equalTo("2024-01-01T00:00:00Z"));
        assertThat(accepted.header("Location")).endsWith("/api/marketdata/downloads/" + accepted.path("id"));
        JsonPath done = await(trader, accepted.path("id"));
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getLong("rowsTotal")).isEqualTo(1440);
        assertThat(done.getLong("rowsDone")).isEqualTo(1440);
        assertThat(done.getLong("inserted")).isEqualTo(1440);
        assertThat(done.getLong("missingOnVenue")).isZero();
        assertThat(Instant.parse(done.getString("finishedAt")))
                .isAfterOrEqualTo(Instant.parse(done.getString("startedAt")));
        assertStored(id, "1m", venue.own(id, Timeframe.M1));
        given().header("Authorization", trader.bearer())
                .get("/api/marketdata/instruments/SCRIPTED/" + id.base().code() + "/USDT")
                .then().statusCode(200)
                .body("tickSize", equalTo("0.01"))
                .body("listing.status", equalTo("trading"))
                .body("listing.venueSymbol", equalTo(id.base().code() + "USDT"))
                .body("listing.minNotional", equalTo("5"));
    }

    @Test
    void the_same_range_again_inserts_nothing_and_fill_gaps_fetches_only_what_is_missing() {
        InstrumentId id = venue.list(newBase(), START, 24 * 60);
        await(trader, post(trader, body(id, "1m", "2024-01-01T05:00:00Z", "2024-01-01T07:00:00Z", false))
                .then().statusCode(202).extract().path("id"));

        JsonPath again = await(trader, post(trader, body(id, "1m", "2024-01-01T05:00:00Z", "2024-01-01T07:00:00Z",
                false)).then().statusCode(202).extract().path("id"));
        JsonPath gaps = await(trader, post(trader, body(id, "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z",
                true)).then().statusCode(202).body("segments", equalTo(2)).extract().path("id"));

        assertThat(again.getLong("inserted")).isZero();
        assertThat(again.getLong("duplicates")).isEqualTo(120);
        assertThat(gaps.getLong("rowsTotal")).isEqualTo(1320);
        assertThat(gaps.getLong("inserted")).isEqualTo(1320);
        assertThat(gaps.getLong("duplicates")).isZero();
        assertStored(id, "1m", venue.own(id, Timeframe.M1));
    }

    @Test
    void the_same_request_while_it_runs_answers_the_running_job_and_its_note_says_why_it_waits() {
        InstrumentId id = venue.list(newBase(), START, 24 * 60);
        venue.failNext(id, new VenueFailure.RateLimited(Duration.ofSeconds(2), false));
        Map<String, Object> request = body(id, "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", false);
        String first = post(trader, request).then().statusCode(202).extract().path("id");

        Response second = post(trader, request);

        second.then().statusCode(200).body("id", equalTo(first));
        assertThat(second.header("Location")).endsWith("/api/marketdata/downloads/" + first);
        assertThat(awaitNote(trader, first)).isEqualTo("rate limited, retry after 2 s; waiting 2 s");
        assertThat(await(trader, first).getString("status")).isEqualTo("completed");
        post(trader, request).then().statusCode(202);
    }

    @Test
    void a_canceled_download_stops_before_its_next_page_keeps_what_it_stored_and_stays_canceled() {
        InstrumentId id = venue.list(newBase(), START, 24 * 60);
        // the first page (500 candles) is served, the second request is held in flight until released
        java.util.concurrent.CountDownLatch release = venue.holdAfter(id, 1);
        String job = post(trader, body(id, "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", false))
                .then().statusCode(202).extract().path("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (venue.candleCalls(id) < 2 || get(trader, job).getLong("rowsDone") < 500) {
            assertThat(System.nanoTime()).as("the first page stored").isLessThan(deadline);
            sleep(20);
        }
        TestUser other = TestUsers.create("trader");

        given().header("Authorization", other.bearer()).post("/api/marketdata/downloads/" + job + "/cancel")
                .then().statusCode(404).body("code", equalTo("marketdata.download.not_found"));
        JsonPath canceled = cancel(trader, job).then().statusCode(200).body("status", equalTo("canceled"))
                .extract().jsonPath();
        release.countDown();

        assertThat(canceled.getString("finishedAt")).isNotNull();
        // the page in flight is stored; no request follows it, and the job ends canceled with its counts
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (get(trader, job).getLong("rowsDone") < 1000) {
            assertThat(System.nanoTime()).as("the page in flight stored").isLessThan(deadline);
            sleep(20);
        }
        sleep(500);
        JsonPath after = get(trader, job);
        assertThat(after.getString("status")).isEqualTo("canceled");
        assertThat(after.getLong("rowsDone")).isEqualTo(1000);
        assertThat(after.getLong("inserted")).isEqualTo(1000);
        assertThat(after.getString("missingOnVenue")).isNull();
        assertThat(venue.candleCalls(id)).as("no request after the cancel was seen").isEqualTo(2);
        assertThat(storedCount(id)).isEqualTo(1000);
        // idempotent: the same answer again; the same request may now start a new download
        cancel(trader, job).then().statusCode(200).body("status", equalTo("canceled")).body("rowsDone", equalTo(1000));
        String next = post(trader, body(id, "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", false))
                .then().statusCode(202).extract().path("id");
        JsonPath completed = await(trader, next);
        assertThat(completed.getLong("duplicates")).isEqualTo(1000);
        assertThat(completed.getLong("inserted")).isEqualTo(440);
        cancel(trader, next).then().statusCode(409).body("code", equalTo("marketdata.download.not_cancellable"));
        given().header("Authorization", trader.bearer()).post("/api/marketdata/downloads/not-an-id/cancel")
                .then().statusCode(404);
    }

    private long storedCount(InstrumentId id) {
        return given().header("Authorization", trader.bearer()).queryParam("timeframe", "1m")
                .queryParam("from", "2024-01-01T00:00:00Z").queryParam("to", "2024-01-02T00:00:00Z")
                .queryParam("limit", 10000)
                .get("/api/marketdata/candles/SCRIPTED/" + id.base().code() + "/USDT")
                .then().statusCode(200).extract().jsonPath().getList("candles").size();
    }

    private static Response cancel(TestUser user, String id) {
        return given().header("Authorization", user.bearer()).post("/api/marketdata/downloads/" + id + "/cancel");
    }

    private static JsonPath get(TestUser user, String id) {
        return given().header("Authorization", user.bearer()).get("/api/marketdata/downloads/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void four_hours_the_venue_does_not_serve_are_computed_from_its_hours_and_equal_its_own() {
        InstrumentId id = venue.list(newBase(), START, 24 * 60);

        JsonPath done = await(trader, post(trader, body(id, "4h", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z",
                false)).then().statusCode(202).body("fetchedTimeframe", equalTo("1h")).extract().path("id"));

        assertThat(done.getLong("inserted")).isEqualTo(6);
        assertStored(id, "4h", venue.own(id, Timeframe.H4));
    }

    @Test
    void progress_streams_as_server_sent_events_until_the_download_ends() {
        InstrumentId id = venue.list(newBase(), START, 24 * 60);
        venue.failNext(id, new VenueFailure.Unavailable("connection reset"));
        String jobId = post(trader, body(id, "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", false))
                .then().statusCode(202).extract().path("id");

        String events = given().header("Authorization", trader.bearer()).accept("text/event-stream")
                .get("/api/marketdata/downloads/" + jobId + "/events").then().statusCode(200).extract().asString();

        List<JsonPath> states = events.lines().filter(line -> line.startsWith("data:"))
                .map(line -> JsonPath.from(line.substring(5))).toList();
        assertThat(states).isNotEmpty();
        assertThat(states.getLast().getString("status")).isEqualTo("completed");
        assertThat(states.getLast().getLong("rowsDone")).isEqualTo(1440);
        assertThat(states).extracting(s -> s.getLong("rowsDone")).isSorted();
    }

    @Test
    void a_download_left_running_by_a_stopped_process_goes_on_from_its_cursor() throws Exception {
        InstrumentId id = venue.list(newBase(), START, 24 * 60);
        await(trader, post(trader, body(id, "1m", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z", false))
                .then().statusCode(202).extract().path("id")); // defines the instrument
        UUID jobId = UUID.randomUUID();
        long cursor = START + 10 * HOUR;
        insertRunningJob(jobId, trader.id(), id, START, START + 24 * HOUR, cursor);

        assertThat(resume.resumeUnfinished()).isGreaterThanOrEqualTo(1);

        JsonPath done = await(trader, jobId.toString());
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getLong("inserted")).as("only what lies after the cursor was fetched").isEqualTo(14 * 60);
        assertThat(done.getLong("rowsDone")).isEqualTo(1440);
        assertThat(MarketData.storedCandles(trader, id.base().code(), "1m", "2024-01-01T01:00:00Z",
                "2024-01-01T10:00:00Z", "SCRIPTED")).isZero();
        assertThat(MarketData.storedCandles(trader, id.base().code(), "1m", "2024-01-01T10:00:00Z",
                "2024-01-02T00:00:00Z", "SCRIPTED")).isEqualTo(14 * 60);
    }

    @Test
    void requests_the_venue_cannot_serve_are_refused_before_any_job_exists() {
        post(trader, body(InstrumentId.parse("SCRIPTED:NOPE/USDT").get(), "1m", "2024-01-01T00:00:00Z",
                "2024-01-02T00:00:00Z", false))
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("marketdata.download.not_on_venue"));
        post(trader, body(InstrumentId.parse("NOWHERE:BTC/USDT").get(), "1m", "2024-01-01T00:00:00Z",
                "2024-01-02T00:00:00Z", false))
                .then().statusCode(422).body("code", equalTo("marketdata.download.venue_not_served"));
        Map<String, Object> bad = new HashMap<>();
        bad.put("instrument", "SCRIPTED:BTC");
        bad.put("timeframe", "2m");
        bad.put("from", "yesterday");
        post(trader, bad).then().statusCode(400).body("code", equalTo("marketdata.invalid_input"))
                .body("errors.field", hasItem("instrument")).body("errors.field", hasItem("timeframe"))
                .body("errors.field", hasItem("from"));
        post(trader, body(InstrumentId.parse("SCRIPTED:BTC/USDT").get(), "1m", "2024-01-02T00:00:00Z",
                "2024-01-01T00:00:00Z", false))
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void viewers_may_not_start_downloads_and_nobody_sees_another_users() {
        InstrumentId id = venue.list(newBase(), START, 60);
        String jobId = post(trader, body(id, "1m", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z", false))
                .then().statusCode(202).extract().path("id");
        TestUser viewer = TestUsers.create("viewer");
        TestUser other = TestUsers.create("trader");

        post(viewer, body(id, "1m", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z", false)).then().statusCode(403);
        given().header("Authorization", other.bearer()).get("/api/marketdata/downloads/" + jobId)
                .then().statusCode(404).body("code", equalTo("marketdata.download.not_found"));
        given().header("Authorization", other.bearer()).get("/api/marketdata/downloads/not-an-id")
                .then().statusCode(404);
        given().header("Authorization", other.bearer()).get("/api/marketdata/downloads")
                .then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", trader.bearer()).get("/api/marketdata/downloads")
                .then().statusCode(200).body("items.id", hasItem(jobId));
    }

    static String newBase() {
        String base = "D" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
        return base.substring(0, Math.min(base.length(), 12));
    }

    static Map<String, Object> body(InstrumentId id, String timeframe, String from, String to, boolean fillGaps) {
        Map<String, Object> body = new HashMap<>();
        body.put("instrument", id.toString());
        body.put("timeframe", timeframe);
        body.put("from", from);
        body.put("to", to);
        body.put("fillGaps", fillGaps);
        return body;
    }

    static Response post(TestUser user, Map<String, Object> body) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/marketdata/downloads");
    }

    static JsonPath await(TestUser user, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonPath job = given().header("Authorization", user.bearer()).get("/api/marketdata/downloads/" + id)
                    .then().statusCode(200).extract().jsonPath();
            if ("completed".equals(job.getString("status")) || "failed".equals(job.getString("status"))) {
                return job;
            }
            assertThat(System.nanoTime()).as("download %s still %s", id, job.getString("status")).isLessThan(deadline);
            sleep(50);
        }
    }

    private static String awaitNote(TestUser user, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String note = given().header("Authorization", user.bearer()).get("/api/marketdata/downloads/" + id)
                    .then().statusCode(200).extract().path("note");
            if (note != null) {
                return note;
            }
            sleep(20);
        }
        return null;
    }

    void assertStored(InstrumentId id, String timeframe, NavigableMap<Long, VenueCandle> expected) {
        List<Map<String, Object>> stored = given().header("Authorization", trader.bearer())
                .queryParam("timeframe", timeframe).queryParam("from", "2024-01-01T00:00:00Z")
                .queryParam("to", "2024-01-02T00:00:00Z").queryParam("limit", 10000)
                .get("/api/marketdata/candles/SCRIPTED/" + id.base().code() + "/USDT")
                .then().statusCode(200).extract().path("candles");
        NavigableMap<Long, VenueCandle> day = expected.subMap(START, true, START + 24 * HOUR, false);
        assertThat(stored).hasSize(day.size());
        for (Map<String, Object> candle : stored) {
            VenueCandle venueCandle = day.get(Instant.parse((String) candle.get("openTime")).toEpochMilli());
            assertThat(venueCandle).isNotNull();
            assertThat(new BigDecimal((String) candle.get("open"))).isEqualByComparingTo(venueCandle.open());
            assertThat(new BigDecimal((String) candle.get("high"))).isEqualByComparingTo(venueCandle.high());
            assertThat(new BigDecimal((String) candle.get("low"))).isEqualByComparingTo(venueCandle.low());
            assertThat(new BigDecimal((String) candle.get("close"))).isEqualByComparingTo(venueCandle.close());
            assertThat(new BigDecimal((String) candle.get("volume"))).isEqualByComparingTo(venueCandle.volume());
        }
    }

    private static void insertRunningJob(UUID id, UUID owner, InstrumentId instrument, long from, long to,
                                         long cursor) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
             PreparedStatement insert = connection.prepareStatement("INSERT INTO marketdata.download_jobs "
                     + "(id, owner_id, instrument, timeframe, source_timeframe, range_from, range_to, fill_gaps, "
                     + "segments, status, cursor_at, rows_total, rows_done, created_at, started_at) VALUES "
                     + "(?, ?, ?, '1m', '1m', ?, ?, false, ?::jsonb, 'running', ?, 1440, 600, now(), now())")) {
            insert.setObject(1, id);
            insert.setObject(2, owner);
            insert.setString(3, instrument.toString());
            insert.setLong(4, from);
            insert.setLong(5, to);
            insert.setString(6, "[[" + from + "," + to + "]]");
            insert.setLong(7, cursor);
            insert.executeUpdate();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
