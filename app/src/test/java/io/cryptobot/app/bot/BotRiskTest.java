package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bots under the owner's risk controls: the kill switch (a halt cancels the bots' open orders and pauses them),
 * refused orders recorded as block events with their correlation ids, and a breached daily loss tripping the
 * owner's kill switch.
 */
@QuarkusTest
class BotRiskTest {
    static final String FROM = "2024-01-01T00:00:00Z";
    static final String TO = "2024-01-02T00:00:00Z";
    private final TestUser trader = TestUsers.create("trader");
    private String instrument;
    private String account;

    @BeforeEach
    void candlesAndAccount() {
        instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 1_440);
        account = TradingFixtures.paperAccount(trader, "10000");
    }

    @Test
    void a_halt_cancels_the_open_orders_of_the_owners_bots_and_pauses_them_until_resumed() {
        // buys 10 USDT at market on every candle; a candle every 5 s, so an order is always waiting for the next one
        String bot = create(request("dca", Map.of("interval", "1", "amount", "10", "max_buys", "1000"), 12));
        post("/api/bots/" + bot + "/start", null).then().statusCode(200);
        awaitTrue(() -> get("/api/orders?bot=" + bot + "&status=submitted").then().statusCode(200).extract()
                .jsonPath().getLong("total") > 0, "a submitted order");

        post("/api/risk/halt", Map.of("reason", "exchange outage")).then().statusCode(200)
                .body("state", equalTo("halted"));

        assertThat(total("/api/orders?bot=" + bot + "&status=submitted,accepted,partially_filled")).isZero();
        assertThat(total("/api/orders?bot=" + bot + "&status=canceled")).isPositive();
        JsonPath paused = get("/api/bots/" + bot).then().statusCode(200).extract().jsonPath();
        assertThat(paused.getString("status")).isEqualTo("paused");
        assertThat(paused.getString("statusReason")).isEqualTo("kill switch: exchange outage");
        assertThat(get("/api/bots/" + bot + "/events").then().extract().jsonPath().getList("items.kind", String.class))
                .containsSubsequence("started", "trading_halted", "paused");
        // a halted owner cannot start another bot
        Map<String, Object> other = request("dca", Map.of("interval", "1", "amount", "10"), 12);
        other.put("accountId", TradingFixtures.paperAccount(trader, "1000"));
        String second = create(other);
        post("/api/bots/" + second + "/start", null).then().statusCode(409).body("code", equalTo("bot.trading_halted"));

        post("/api/risk/resume", Map.of("reason", "all clear")).then().statusCode(200);
        get("/api/bots/" + bot).then().body("status", equalTo("paused"));
        post("/api/bots/" + bot + "/resume", null).then().statusCode(200).body("status", equalTo("running"));
        long before = total("/api/orders?bot=" + bot);
        awaitTrue(() -> total("/api/orders?bot=" + bot) > before, "a new order after resuming");
        post("/api/bots/" + bot + "/stop", null).then().statusCode(200);
        assertThat(get("/api/bots/" + bot + "/events").then().extract().jsonPath().getList("items.kind", String.class))
                .containsSubsequence("trading_halted", "paused", "trading_resumed", "resumed", "stopped");
    }

    @Test
    void refused_orders_are_block_events_with_their_rule_reason_and_correlation_id() {
        // the owner allows 5,000 an order, the bot itself only 50: the stricter applies
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("currency", "USDT", "maxOrderNotional", "5000", "maxOpenOrders", "3"))
                .put("/api/risk/limits").then().statusCode(200);
        Map<String, Object> limited = request("sma_crossover", Map.of("fast", "5", "slow", "20"), 10_000_000);
        limited.put("limits", Map.of("maxOrderNotional", "50", "maxOpenOrders", "10"));
        String bot = create(limited);
        get("/api/bots/" + bot).then().body("limits.maxOrderNotional", equalTo("50"))
                .body("limits.maxOpenOrders", equalTo("3"));
        post("/api/bots/" + bot + "/start", null).then().statusCode(200);
        awaitTrue(() -> "completed".equals(get("/api/bots/" + bot).then().extract().path("status")), "completion");

        long denied = total("/api/orders?bot=" + bot + "&status=denied");
        assertThat(denied).isPositive();
        JsonPath blocks = get("/api/risk/blocks?bot=" + bot + "&limit=500").then().statusCode(200).extract().jsonPath();
        assertThat(blocks.getLong("total")).isEqualTo(denied);
        assertThat(blocks.getString("items[0].rule")).isEqualTo("max_order_notional");
        assertThat(blocks.getString("items[0].refusals[0].reason")).contains("50");
        String order = blocks.getString("items[0].orderId");
        JsonPath details = get("/api/orders/" + order).then().statusCode(200).extract().jsonPath();
        assertThat(details.getString("order.status")).isEqualTo("denied");
        assertThat(details.getString("order.correlationId")).isEqualTo(blocks.getString("items[0].correlationId"));
        assertThat(details.getList("events.type", String.class)).containsExactly("initialized", "denied");

        JsonPath counts = get("/api/risk/blocks/counts?bot=" + bot).then().statusCode(200).extract().jsonPath();
        assertThat(counts.getLong("total")).isEqualTo(denied);
        assertThat(counts.getLong("byRule.max_order_notional")).isEqualTo(denied);
        assertThat(total("/api/risk/blocks?rule=max_open_orders&bot=" + bot)).isZero();
        get("/api/risk/blocks?rule=nonsense&from=soon").then().statusCode(400)
                .contentType("application/problem+json");
        TestUser stranger = TestUsers.create("trader");
        given().header("Authorization", stranger.bearer()).get("/api/risk/blocks?bot=" + bot).then().statusCode(200)
                .body("total", equalTo(0));
        given().get("/api/risk/blocks").then().statusCode(401);
    }

    @Test
    void a_bots_own_limits_are_checked_with_the_rest_of_its_request() {
        Map<String, Object> bad = request("sma_crossover", Map.of("fast", "5", "slow", "20"), 60);
        bad.put("limits", Map.of("maxOrderNotional", "-5", "maxPositionSharePercent", "250"));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(bad).post("/api/bots")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("limits.maxOrderNotional",
                        "limits.maxPositionSharePercent"));
    }

    @Test
    void a_breached_daily_loss_trips_the_owners_kill_switch_and_pauses_the_bot() {
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("currency", "USDT", "maxDailyLoss", "5"))
                .put("/api/risk/limits").then().statusCode(200);
        // all-in round trips at 0.1 % a side cost about 20 USDT each: the first one breaches 5 USDT
        String bot = create(request("sma_crossover", Map.of("fast", "5", "slow", "20"), 10_000_000));
        post("/api/bots/" + bot + "/start", null).then().statusCode(200);
        awaitTrue(() -> "halted".equals(get("/api/risk/state").then().extract().path("state")), "the kill switch");
        JsonPath state = get("/api/risk/state").then().statusCode(200).extract().jsonPath();
        assertThat(state.getString("reason")).contains("daily loss");
        // the bots follow the owner's switch between two of their steps, just after it moved
        awaitTrue(() -> java.util.List.of("paused", "completed").contains(
                get("/api/bots/" + bot).then().statusCode(200).extract().path("status")), "the bot paused");
        assertThat(get("/api/bots/" + bot + "/events").then().extract().jsonPath().getList("items.kind", String.class))
                .contains("trading_halted");
    }

    private Map<String, Object> request(String strategy, Map<String, String> parameters, long speed) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", strategy + " " + UUID.randomUUID());
        request.put("strategy", strategy);
        request.put("parameters", parameters);
        request.put("instrument", instrument);
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("from", FROM, "to", TO, "speed", String.valueOf(speed)));
        request.put("takerFee", "0.001");
        return request;
    }

    private String create(Map<String, Object> request) {
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
    }

    private long total(String path) {
        return get(path).then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private Response get(String path) {
        return given().header("Authorization", trader.bearer()).get(path);
    }

    private Response post(String path, Object body) {
        var request = given().header("Authorization", trader.bearer());
        return body == null ? request.post(path) : request.contentType(ContentType.JSON).body(body).post(path);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
