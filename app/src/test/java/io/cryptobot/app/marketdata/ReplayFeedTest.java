package io.cryptobot.app.marketdata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReplayFeedTest {
    private final TestUser trader = TestUsers.create("trader");
    private final TestUser stranger = TestUsers.create("trader");

    @Test
    void a_replay_plays_stored_candles_in_order_at_its_speed_once_watched() {
        String base = withCandles(120);
        // 30 candles at 600x: a 1-minute candle every 100 ms, about 3 s in all
        Map<String, Object> request = replay(base, "2024-01-01T01:00:00Z", "2024-01-01T01:30:00Z", "600");
        JsonPath created = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(request).post("/api/marketdata/replays").then().statusCode(201)
                .body("status", equalTo("waiting")).extract().jsonPath();
        String id = created.getString("id");
        long started = System.nanoTime();
        String events = given().header("Authorization", trader.bearer()).accept("text/event-stream")
                .get("/api/marketdata/replays/" + id + "/candles").then().statusCode(200).extract().asString();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        List<String> times = events.lines().filter(line -> line.startsWith("data:"))
                .map(line -> JsonPath.from(line.substring(5)).getString("openTime")).toList();
        assertThat(times).hasSize(30);
        assertThat(times.get(0)).isEqualTo("2024-01-01T01:00:00Z");
        for (int i = 1; i < times.size(); i++) {
            assertThat(Instant.parse(times.get(i))).isEqualTo(Instant.parse(times.get(i - 1)).plusSeconds(60));
        }
        // the schedule held: 30 candles at 100 ms each cannot arrive in much under 3 s
        assertThat(tookMillis).isGreaterThanOrEqualTo(2_900);
        given().header("Authorization", trader.bearer()).get("/api/marketdata/replays/" + id).then()
                .statusCode(200).body("status", equalTo("completed")).body("emitted", equalTo(30));
    }

    @Test
    void a_client_watching_the_fastest_replay_gets_every_candle() {
        String base = withCandles(5_000);
        // the fastest speed plays candles back to back, faster than the stream is written out: they wait for the
        // client (up to a bound) instead of ending the stream with a back-pressure failure
        String id = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(replay(base, "2024-01-01T00:00:00Z", "2024-01-04T11:20:00Z", "10000000"))
                .post("/api/marketdata/replays").then().statusCode(201).extract().path("id");
        String events = given().header("Authorization", trader.bearer()).accept("text/event-stream")
                .get("/api/marketdata/replays/" + id + "/candles").then().statusCode(200).extract().asString();
        List<String> times = events.lines().filter(line -> line.startsWith("data:"))
                .map(line -> JsonPath.from(line.substring(5)).getString("openTime")).toList();
        assertThat(times).hasSize(5_000);
        assertThat(times.get(4_999)).isEqualTo("2024-01-04T11:19:00Z");
    }

    @Test
    void a_replay_can_be_stopped_and_belongs_to_its_owner() {
        String base = withCandles(60);
        String id = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(replay(base, "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z", "1"))
                .post("/api/marketdata/replays").then().statusCode(201).extract().path("id");
        given().header("Authorization", stranger.bearer()).get("/api/marketdata/replays/" + id).then().statusCode(404);
        given().header("Authorization", stranger.bearer()).post("/api/marketdata/replays/" + id + "/stop")
                .then().statusCode(404);
        given().header("Authorization", stranger.bearer()).accept("text/event-stream")
                .get("/api/marketdata/replays/" + id + "/candles").then().statusCode(404);
        given().header("Authorization", trader.bearer()).post("/api/marketdata/replays/" + id + "/stop")
                .then().statusCode(200).body("status", equalTo("stopped"));
    }

    @Test
    void invalid_replays_list_every_problem() {
        Map<String, Object> request = replay("NOPE", "2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z", "0");
        request.put("timeframe", "2m");
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/marketdata/replays").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("timeframe", "speed"));
        request.put("timeframe", "1m");
        request.put("speed", "10");
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/marketdata/replays").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("instrument", "to"));
        given().contentType(ContentType.JSON).body(request).post("/api/marketdata/replays").then().statusCode(401);
    }

    private Map<String, Object> replay(String base, String from, String to, String speed) {
        Map<String, Object> request = new HashMap<>();
        request.put("instrument", MarketData.instrument(base));
        request.put("timeframe", "1m");
        request.put("from", from);
        request.put("to", to);
        request.put("speed", speed);
        return request;
    }

    private String withCandles(int count) {
        String base = MarketData.newInstrument(trader);
        Map<String, Object> synthetic = new HashMap<>();
        synthetic.put("instrument", MarketData.instrument(base));
        synthetic.put("timeframe", "1m");
        synthetic.put("from", "2024-01-01T00:00:00Z");
        synthetic.put("count", count);
        synthetic.put("seed", 3);
        synthetic.put("startPrice", "100.00");
        synthetic.put("volatility", 0.001);
        String job = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(synthetic)
                .post("/api/marketdata/synthetic").then().statusCode(202).extract().path("id");
        assertThat(MarketData.awaitJob(trader, job).getString("status")).isEqualTo("completed");
        return base;
    }
}
