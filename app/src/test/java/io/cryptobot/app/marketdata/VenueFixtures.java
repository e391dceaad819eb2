package io.cryptobot.app.marketdata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.exchange.fakevenue.Eventually;
import io.cryptobot.exchange.fakevenue.FakeVenueServer;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helpers of the tests that run the market-data features against the fake venue servers (real adapters, loopback
 * HTTP and WebSocket, REST in, PostgreSQL out).
 */
final class VenueFixtures {
    private VenueFixtures() {
    }

    static String at(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** POST /api/marketdata/downloads; the job's id. */
    static String startDownload(TestUser user, String instrument, String timeframe, long from, long to) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                .body(Map.of("instrument", instrument, "timeframe", timeframe, "from", at(from), "to", at(to),
                        "fillGaps", false))
                .post("/api/marketdata/downloads").then().statusCode(202).extract().path("id");
    }

    static JsonPath download(TestUser user, String id) {
        return given().header("Authorization", user.bearer()).get("/api/marketdata/downloads/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Polls the job until it has ended (bounded: 60 s). */
    static JsonPath awaitDownload(TestUser user, String id) {
        return awaitDownload(user, id, Duration.ofSeconds(60));
    }

    static JsonPath awaitDownload(TestUser user, String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonPath job = download(user, id);
            if ("completed".equals(job.getString("status")) || "failed".equals(job.getString("status"))) {
                return job;
            }
            assertThat(System.nanoTime()).as("download %s still %s", id, job.getString("status")).isLessThan(deadline);
            sleep(20);
        }
    }

    /** Polls the job until it has a note (why it waits) and returns it; null if it ended first. */
    static String awaitNote(TestUser user, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath job = download(user, id);
            if (job.getString("note") != null) {
                return job.getString("note");
            }
            if (!"running".equals(job.getString("status")) && !"queued".equals(job.getString("status"))) {
                return null;
            }
            sleep(10);
        }
        return null;
    }

    /** GET /api/marketdata/candles/{venue}/{base}/USDT for [from, to), every page. */
    static List<Map<String, Object>> stored(TestUser user, String venue, String base, String timeframe, long from,
                                            long to) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = at(from);
        while (cursor != null) {
            JsonPath page = given().header("Authorization", user.bearer())
                    .queryParam("timeframe", timeframe).queryParam("from", cursor).queryParam("to", at(to))
                    .queryParam("limit", 10_000)
                    .get("/api/marketdata/candles/" + venue + "/" + base + "/USDT")
                    .then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("candles"));
            cursor = page.getString("next");
        }
        return all;
    }

    /** The candles as the API answers them equal the venue's, one for one, in the same order. */
    static void assertSameCandles(List<Map<String, Object>> answered, List<VenueCandle> venue) {
        assertThat(answered.stream().map(c -> Instant.parse((String) c.get("openTime")).toEpochMilli()).toList())
                .as("open times: none missing, none twice, ascending")
                .containsExactlyElementsOf(venue.stream().map(VenueCandle::openTime).toList());
        for (int i = 0; i < venue.size(); i++) {
            Map<String, Object> candle = answered.get(i);
            VenueCandle expected = venue.get(i);
            assertThat(decimal(candle, "open")).as("open at %s", candle.get("openTime"))
                    .isEqualByComparingTo(expected.open());
            assertThat(decimal(candle, "high")).as("high at %s", candle.get("openTime"))
                    .isEqualByComparingTo(expected.high());
            assertThat(decimal(candle, "low")).as("low at %s", candle.get("openTime"))
                    .isEqualByComparingTo(expected.low());
            assertThat(decimal(candle, "close")).as("close at %s", candle.get("openTime"))
                    .isEqualByComparingTo(expected.close());
            assertThat(decimal(candle, "volume")).as("volume at %s", candle.get("openTime"))
                    .isEqualByComparingTo(expected.volume());
        }
    }

    static BigDecimal decimal(Map<String, Object> candle, String field) {
        return new BigDecimal((String) candle.get(field));
    }

    /** The requests the fake received on {@code path} carrying {@code param=value}, in order of arrival. */
    static List<FakeVenueServer.Request> requests(FakeVenueServer fake, String path, String param, String value) {
        return fake.requests().stream().filter(r -> r.path().equals(path) && value.equals(r.param(param)))
                .sorted((a, b) -> a.at().compareTo(b.at())).toList();
    }

    /**
     * Stops the download worker running a download, as stopping the application does (it interrupts the worker
     * threads), and waits until the worker has let the job go: the job stays {@code running} at its cursor, as a
     * stopped process leaves it.
     */
    static void stopDownloadWorker() {
        Thread worker = downloadWorker().orElseThrow(() -> new AssertionError("no download worker is running a job"));
        worker.interrupt();
        Eventually.until(Duration.ofSeconds(10), "the download worker let the job go",
                () -> downloadWorker().isEmpty());
    }

    private static Optional<Thread> downloadWorker() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("marketdata-download-"))
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().endsWith(".DownloadJobRunner")))
                .map(Map.Entry::getKey).findFirst();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
