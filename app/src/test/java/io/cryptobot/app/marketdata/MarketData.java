package io.cryptobot.app.marketdata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.cryptobot.app.support.TestUsers.TestUser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;

/** Test data for market-data adapter tests: every instrument has fresh random asset codes. */
final class MarketData {
    static final String VENUE = "TESTVENUE";

    private MarketData() {
    }

    /** Defines a new instrument with tick 0.01 and step 0.00001; returns its base asset code. */
    static String newInstrument(TestUser trader) {
        String base = "B" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
        base = base.substring(0, Math.min(base.length(), 12));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", VENUE, "base", base, "quote", "USDT", "tickSize", "0.01",
                        "stepSize", "0.00001"))
                .post("/api/marketdata/instruments")
                .then().statusCode(201);
        return base;
    }

    static String instrument(String base) {
        return VENUE + ":" + base + "/USDT";
    }

    static String candlesPath(String base) {
        return "/api/marketdata/candles/" + VENUE + "/" + base + "/USDT";
    }

    static Response upload(TestUser user, String base, String timeframe, String format, String fileName,
                           byte[] content) {
        return given().header("Authorization", user.bearer())
                .queryParam("instrument", instrument(base))
                .queryParam("timeframe", timeframe)
                .queryParam("format", format)
                .multiPart("file", fileName, content, "application/octet-stream")
                .post("/api/marketdata/imports");
    }

    /** Uploads a file from disk (for archives too large to hold in the test) and waits for the job to end. */
    static JsonPath importAndWait(TestUser user, String base, String timeframe, String format, java.nio.file.Path file) {
        String id = given().header("Authorization", user.bearer())
                .queryParam("instrument", instrument(base))
                .queryParam("timeframe", timeframe)
                .queryParam("format", format)
                .multiPart("file", file.toFile(), "application/octet-stream")
                .post("/api/marketdata/imports")
                .then().statusCode(202).extract().path("id");
        return awaitJob(user, id);
    }

    /** Uploads and waits for the job to end; returns the final job. */
    static JsonPath importAndWait(TestUser user, String base, String timeframe, String format, String fileName,
                                  byte[] content) {
        Response accepted = upload(user, base, timeframe, format, fileName, content);
        accepted.then().statusCode(202);
        assertThat(accepted.header("Location")).endsWith("/api/marketdata/imports/" + accepted.path("id"));
        return awaitJob(user, accepted.path("id"));
    }

    /** An admin's upload into the shared data every user reads; waits for the job to end. */
    static JsonPath importSharedAndWait(TestUser admin, String base, String timeframe, String format, String fileName,
                                        byte[] content) {
        String id = given().header("Authorization", admin.bearer())
                .queryParam("instrument", instrument(base))
                .queryParam("timeframe", timeframe)
                .queryParam("format", format)
                .queryParam("dataset", "shared")
                .multiPart("file", fileName, content, "application/octet-stream")
                .post("/api/marketdata/imports")
                .then().statusCode(202).extract().path("id");
        return awaitJob(admin, id);
    }

    static JsonPath awaitJob(TestUser user, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonPath job = given().header("Authorization", user.bearer())
                    .get("/api/marketdata/imports/" + id)
                    .then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if ("completed".equals(status) || "failed".equals(status)) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s still %s", id, status).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static int storedCandles(TestUser user, String base, String timeframe, String from, String to) {
        return storedCandles(user, base, timeframe, from, to, VENUE);
    }

    static int storedCandles(TestUser user, String base, String timeframe, String from, String to, String venue) {
        return given().header("Authorization", user.bearer())
                .queryParam("timeframe", timeframe).queryParam("from", from).queryParam("to", to)
                .queryParam("limit", 10000)
                .get("/api/marketdata/candles/" + venue + "/" + base + "/USDT")
                .then().statusCode(200).extract().path("count");
    }

    /** A Binance kline row for the given open time (ms or µs) and prices. */
    static String kline(long openTime, String open, String high, String low, String close, String volume) {
        return openTime + "," + open + "," + high + "," + low + "," + close + "," + volume + "," + (openTime + 59_999)
                + ",0,10,0,0,0";
    }

    /** Sets the user's stored-candles counter, as if they already kept that many private candles. */
    static void setStored(TestUser user, long candles) {
        String sql = "INSERT INTO marketdata.stored_candles (owner, candles) VALUES (?, ?) "
                + "ON CONFLICT (owner) DO UPDATE SET candles = excluded.candles";
        try (Connection connection = DriverManager.getConnection(config("quarkus.datasource.jdbc.url"),
                config("quarkus.datasource.username"), ConfigProvider.getConfig()
                        .getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, user.id());
            statement.setLong(2, candles);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }
}
