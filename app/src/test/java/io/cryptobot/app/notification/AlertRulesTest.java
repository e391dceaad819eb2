package io.cryptobot.app.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alert rules over the API, and a paper bot's drawdown breach delivered once to a receiver on this machine. */
@QuarkusTest
class AlertRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FROM = "2024-03-01T00:00:00Z";
    private final TestUser trader = TestUsers.create("trader");
    private final TestUser other = TestUsers.create("trader");
    private LocalReceiver receiver;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new LocalReceiver();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void a_paper_bots_drawdown_breach_is_delivered_exactly_once() throws Exception {
        // 100 for 20 minutes, then 80, then 82 (still beyond): the bot buys 5,000 USDT worth at 100 with 10,000,
        // so its equity goes from about 10,000 to about 9,000 (10 % down) and never back within 5 %
        String instrument = instrumentWithCloses(100, 20, 80, 20, 82, 20);
        String account = TradingFixtures.paperAccount(trader, "10000");
        String bot = createDcaBot(instrument, account, "2024-03-01T01:00:00Z");
        String endpoint = create(trader, "/alerts", List.of("alert.triggered")).then().statusCode(201).extract()
                .path("endpoint.id");
        String rule = rule(trader, Map.of("name", "deep drawdown", "kind", "drawdown", "threshold", "5", "botId", bot))
                .then().statusCode(201).body("kind", equalTo("drawdown")).body("unit", equalTo("percent"))
                .body("threshold", equalTo("5")).body("botId", equalTo(bot)).body("breachedBots.size()", equalTo(0))
                .extract().path("id");

        post(trader, "/api/bots/" + bot + "/start").then().statusCode(200);
        await(() -> "completed".equals(get(trader, "/api/bots/" + bot).path("status")));
        await(() -> receiver.deliveredTo("/alerts").size() == 1, () -> "the rule: "
                + get(trader, "/api/notifications/alerts/" + rule).asString() + "; the endpoint: "
                + get(trader, "/api/notifications/endpoints/" + endpoint).asString() + "; its deliveries: "
                + get(trader, "/api/notifications/endpoints/" + endpoint + "/deliveries").asString()
                + "; attempts received: " + receiver.attemptsAt("/alerts"));
        Thread.sleep(1_500);
        assertThat(receiver.deliveredTo("/alerts")).hasSize(1);
        JsonNode body = JSON.readTree(receiver.deliveredTo("/alerts").get(0).body());
        assertThat(body.path("kind").asText()).isEqualTo("alert.triggered");
        assertThat(body.path("data").path("ruleId").asText()).isEqualTo(rule);
        assertThat(body.path("data").path("condition").asText()).isEqualTo("drawdown");
        assertThat(body.path("data").path("botId").asText()).isEqualTo(bot);
        assertThat(body.path("data").path("breach").asText()).isEqualTo("1");
        // from a peak of about 10,000 to about 9,000: 10 % (the buy's fee and slippage add a little)
        assertThat(Double.parseDouble(body.path("data").path("value").asText())).isBetween(9.0, 11.0);
        assertThat(Instant.parse(body.path("occurredAt").asText())).isAfterOrEqualTo(Instant.parse(FROM)
                .plusSeconds(20 * 60));
        get(trader, "/api/notifications/alerts/" + rule).then().statusCode(200)
                .body("breachedBots", containsInAnyOrder(bot));
    }

    @Test
    void rules_belong_to_their_owner_and_input_errors_name_each_field() {
        String instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 10);
        String bot = createDcaBot(instrument, TradingFixtures.paperAccount(trader, "1000"), "2024-03-01T00:10:00Z");
        String id = rule(trader, Map.of("name", "quiet", "kind", "no_trade", "threshold", "6")).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/notifications/alerts/"))
                .body("botId", nullValue()).body("unit", equalTo("hours")).extract().path("id");
        get(other, "/api/notifications/alerts/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("notification.alert.not_found"));
        given().header("Authorization", other.bearer()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .patch("/api/notifications/alerts/" + id).then().statusCode(404);
        given().header("Authorization", other.bearer()).delete("/api/notifications/alerts/" + id).then().statusCode(404);
        get(other, "/api/notifications/alerts").then().statusCode(200).body("total", equalTo(0));
        // another user's bot cannot be watched
        rule(other, Map.of("name", "theirs", "kind", "drawdown", "threshold", "5", "botId", bot)).then()
                .statusCode(404).body("code", equalTo("notification.alert.bot_not_found"));
        rule(trader, Map.of("name", "x", "kind", "loss", "threshold", "-1")).then().statusCode(400)
                .body("code", equalTo("notification.invalid_input"))
                .body("errors.field", containsInAnyOrder("threshold", "kind"));
        rule(trader, Map.of("name", "x", "kind", "daily_loss", "threshold", "50")).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("unit"));
        rule(trader, Map.of("name", "x", "kind", "drawdown", "threshold", "150")).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("threshold"));
        rule(trader, Map.of("name", "x", "kind", "daily_loss", "threshold", "250", "unit", "quote")).then()
                .statusCode(201).body("unit", equalTo("quote"));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("threshold", "12", "enabled", false)).patch("/api/notifications/alerts/" + id).then()
                .statusCode(200).body("threshold", equalTo("12")).body("enabled", equalTo(false))
                .body("kind", equalTo("no_trade"));
        get(trader, "/api/notifications/alerts").then().statusCode(200).body("total", equalTo(2));
        given().header("Authorization", trader.bearer()).delete("/api/notifications/alerts/" + id).then()
                .statusCode(204);
        get(trader, "/api/notifications/alerts/" + id).then().statusCode(404);
    }

    @Test
    void a_viewer_reads_rules_and_endpoints_and_cannot_write_them() {
        TestUsers.TestUser viewer = TestUsers.create("viewer");
        get(viewer, "/api/notifications/alerts").then().statusCode(200).body("total", equalTo(0));
        get(viewer, "/api/notifications/endpoints").then().statusCode(200).body("total", equalTo(0));
        rule(viewer, Map.of("name", "deep", "kind", "drawdown", "threshold", "10")).then().statusCode(403);
        given().header("Authorization", viewer.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "r", "format", "generic", "url", "http://127.0.0.1:9/x", "events",
                        java.util.List.of("order.filled")))
                .post("/api/notifications/endpoints").then().statusCode(403);
        String id = rule(trader, Map.of("name", "deep", "kind", "drawdown", "threshold", "10")).then().statusCode(201)
                .extract().path("id");
        // writes are refused by role before anything is looked up
        given().header("Authorization", viewer.bearer()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .patch("/api/notifications/alerts/" + id).then().statusCode(403);
        given().header("Authorization", viewer.bearer()).delete("/api/notifications/alerts/" + id).then()
                .statusCode(403);
        get(trader, "/api/notifications/alerts/" + id).then().statusCode(200).body("enabled", equalTo(true));
    }

    /** A fresh instrument whose 1m candles close at each given price for the given count, from {@link #FROM}. */
    private String instrumentWithCloses(Object... pricesAndCounts) throws Exception {
        String base = "AL" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
        base = base.substring(0, Math.min(base.length(), 12));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", "BTVENUE", "base", base, "quote", "USDT", "tickSize", "0.01",
                        "stepSize", "0.00001"))
                .post("/api/marketdata/instruments").then().statusCode(201);
        String instrument = "BTVENUE:" + base + "/USDT";
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        long time = Instant.parse(FROM).toEpochMilli();
        for (int i = 0; i < pricesAndCounts.length; i += 2) {
            int price = (Integer) pricesAndCounts[i];
            for (int n = 0; n < (Integer) pricesAndCounts[i + 1]; n++, time += 60_000) {
                csv.append(time).append(',').append(price).append(',').append(price).append(',').append(price)
                        .append(',').append(price).append(",10\n");
            }
        }
        String job = given().header("Authorization", trader.bearer()).queryParam("instrument", instrument)
                .queryParam("timeframe", "1m").queryParam("format", "csv")
                .multiPart("file", "closes.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                        "application/octet-stream")
                .post("/api/marketdata/imports").then().statusCode(202).extract().path("id");
        await(() -> "completed".equals(get(trader, "/api/marketdata/imports/" + job).path("status")));
        return instrument;
    }

    private String createDcaBot(String instrument, String account, String to) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "dca " + ThreadLocalRandom.current().nextInt());
        request.put("strategy", "dca");
        request.put("parameters", Map.of("interval", "1000", "amount", "5000", "take_profit", "5", "max_buys", "1"));
        request.put("instrument", instrument);
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("kind", "replay", "from", FROM, "to", to, "speed", "10000000"));
        request.put("takerFee", "0.001");
        request.put("slippageBps", "2");
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
    }

    private Response create(TestUser user, String path, List<String> events) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "receiver " + path, "format", "generic", "url", receiver.url(path), "events",
                        events))
                .post("/api/notifications/endpoints");
    }

    private static Response rule(TestUser user, Map<String, Object> body) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/notifications/alerts");
    }

    private static Response get(TestUser user, String path) {
        return given().header("Authorization", user.bearer()).get(path);
    }

    private static Response post(TestUser user, String path) {
        return given().header("Authorization", user.bearer()).post(path);
    }

    private static void await(BooleanSupplier condition) {
        await(condition, () -> "");
    }

    /** {@code state}: what the failure message shows of the path (the rule, the endpoint, its deliveries). */
    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s " + state.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
