package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.SmallUserLimits;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's bots under per-user limits ({@link SmallUserLimits}): bots not stopped or completed, bots running (a
 * count of bots, apart from the replays the user starts), and orders per minute over their bots and their hand
 * orders: hand orders beyond it are 429, bots wait for their next candle.
 */
@QuarkusTest
@TestProfile(SmallUserLimits.class)
class BotLimitsTest {
    static final String FROM = "2024-01-01T00:00:00Z";
    static final String TO = "2024-01-02T00:00:00Z";
    private static final long MAX_SPEED = 10_000_000L;
    private final TestUser trader = TestUsers.create("trader");
    private String instrument;

    @BeforeEach
    void candles() {
        instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 1_440);
    }

    @Test
    void bots_beyond_the_limit_are_429_and_stopping_one_makes_room() {
        String account = TradingFixtures.paperAccount(trader, "1000");
        List<String> bots = new ArrayList<>();
        for (int i = 0; i < SmallUserLimits.BOTS; i++) {
            bots.add(create(manual(account, 60)).then().statusCode(201).extract().path("id"));
        }

        create(manual(account, 60)).then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("bot.too_many"))
                .body("limit", equalTo("bots-per-user"))
                .body("max", equalTo(SmallUserLimits.BOTS));
        assertThat(get("/api/bots").then().extract().jsonPath().getLong("total")).isEqualTo(SmallUserLimits.BOTS);

        post("/api/bots/" + bots.get(0) + "/stop").then().statusCode(200);
        create(manual(account, 60)).then().statusCode(201);
    }

    @Test
    void running_bots_are_counted_as_bots_and_their_feeds_not_as_the_users_replays() {
        List<String> bots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bots.add(create(manual(TradingFixtures.paperAccount(trader, "1000"), 60)).then().statusCode(201)
                    .extract().path("id"));
        }
        post("/api/bots/" + bots.get(0) + "/start").then().statusCode(200);
        post("/api/bots/" + bots.get(1) + "/start").then().statusCode(200);

        post("/api/bots/" + bots.get(2) + "/start").then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("bot.too_many_running"))
                .body("limit", equalTo("bots-running-per-user"))
                .body("max", equalTo(SmallUserLimits.BOTS_RUNNING));
        get("/api/bots/" + bots.get(2)).then().body("status", equalTo("created"));
        assertThat(get("/api/bots/" + bots.get(2) + "/events").then().extract().jsonPath()
                .getList("items.kind", String.class)).containsExactly("created");

        // two bots follow their feeds, and the user may still run replays of their own up to that limit
        List<String> replays = new ArrayList<>();
        for (int i = 0; i < SmallUserLimits.REPLAYS_RUNNING; i++) {
            replays.add(replay().then().statusCode(201).extract().path("id"));
        }
        replay().then().statusCode(429).body("code", equalTo("marketdata.replay.too_many"))
                .body("limit", equalTo("replays-running-per-user"))
                .body("max", equalTo(SmallUserLimits.REPLAYS_RUNNING));

        post("/api/bots/" + bots.get(0) + "/stop").then().statusCode(200);
        post("/api/bots/" + bots.get(2) + "/start").then().statusCode(200).body("status", equalTo("running"));
        post("/api/bots/" + bots.get(1) + "/stop").then().statusCode(200);
        post("/api/bots/" + bots.get(2) + "/stop").then().statusCode(200);
        replays.forEach(id -> post("/api/marketdata/replays/" + id + "/stop").then().statusCode(200));
    }

    @Test
    void hand_orders_beyond_the_orders_per_minute_are_429_and_record_nothing() {
        String account = TradingFixtures.paperAccount(trader, "10000");
        String bot = liveManualBot(account);
        for (int i = 1; i <= SmallUserLimits.ORDERS_PER_MINUTE; i++) {
            place(order(account, "c-" + i)).then().statusCode(201);
        }

        Response refused = place(order(account, "c-over"));
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("order.rate_limited"))
                .body("limit", equalTo("orders-per-minute-per-user"))
                .body("max", equalTo(SmallUserLimits.ORDERS_PER_MINUTE));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 61);
        assertThat(get("/api/orders?account=" + account).then().extract().jsonPath().getLong("total"))
                .isEqualTo(SmallUserLimits.ORDERS_PER_MINUTE);
        // the same order sent again is answered from the journal: no new order, nothing to count
        place(order(account, "c-1")).then().statusCode(200);
        post("/api/bots/" + bot + "/stop").then().statusCode(200);
    }

    @Test
    void a_bot_at_the_order_rate_waits_for_its_next_candle_and_hand_orders_share_the_count() throws Exception {
        String handAccount = TradingFixtures.paperAccount(trader, "10000");
        String hand = liveManualBot(handAccount);
        // buys every candle, never sells: an order a candle over a replay played as fast as it can be
        Map<String, Object> request = manual(TradingFixtures.paperAccount(trader, "10000"), MAX_SPEED);
        request.put("strategy", "dca");
        request.put("parameters", Map.of("interval", "1", "amount", "10", "take_profit", "10",
                "max_buys", "10000"));
        String dca = create(request).then().statusCode(201).extract().path("id");
        post("/api/bots/" + dca + "/start").then().statusCode(200);

        await(() -> ordersOf(dca) >= SmallUserLimits.ORDERS_PER_MINUTE, "the bot's first orders");
        Thread.sleep(2_000);

        assertThat(ordersOf(dca)).as("orders of a bot waiting for the owner's order rate")
                .isEqualTo(SmallUserLimits.ORDERS_PER_MINUTE);
        var waiting = get("/api/bots/" + dca).then().statusCode(200).extract().jsonPath();
        assertThat(waiting.getString("status")).isEqualTo("running");
        assertThat(waiting.getLong("steps")).isLessThan(1_440);
        place(order(handAccount, "h-1")).then().statusCode(429).body("code", equalTo("order.rate_limited"));

        post("/api/bots/" + dca + "/stop").then().statusCode(200);
        post("/api/bots/" + hand + "/stop").then().statusCode(200);
    }

    private long ordersOf(String bot) {
        return get("/api/orders?bot=" + bot + "&limit=1").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }

    private String liveManualBot(String account) {
        String bot = create(manual(account, 60)).then().statusCode(201).extract().path("id");
        post("/api/bots/" + bot + "/start").then().statusCode(200);
        await(() -> get("/api/bots/" + bot).then().extract().jsonPath().getLong("steps") >= 1, "a first candle");
        return bot;
    }

    private Map<String, Object> manual(String account, long speed) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "bot " + UUID.randomUUID());
        request.put("strategy", "manual");
        request.put("instrument", instrument);
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("from", FROM, "to", TO, "speed", String.valueOf(speed)));
        return request;
    }

    private Map<String, Object> order(String account, String clientId) {
        Map<String, Object> order = new HashMap<>();
        order.put("accountId", account);
        order.put("clientOrderId", clientId);
        order.put("instrument", instrument);
        order.put("side", "buy");
        order.put("type", "market");
        order.put("quantity", "0.001");
        return order;
    }

    private Response replay() {
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("instrument", instrument, "timeframe", "1m", "from", FROM, "to", TO, "speed", "1"))
                .post("/api/marketdata/replays");
    }

    private Response create(Map<String, Object> request) {
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots");
    }

    private Response place(Map<String, Object> order) {
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(order)
                .post("/api/orders");
    }

    private Response get(String path) {
        return given().header("Authorization", trader.bearer()).get(path);
    }

    private Response post(String path) {
        return given().header("Authorization", trader.bearer()).post(path);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
