package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A bot's strategy sized as its owner chose: stored with the bot, shown back, used by every entry. */
@QuarkusTest
class BotSizingApiTest {
    static final String FROM = "2024-01-01T00:00:00Z";
    static final String TO = "2024-01-01T12:00:00Z";
    private final TestUser trader = TestUsers.create("trader");

    @Test
    void a_bot_created_with_a_fixed_quantity_buys_that_quantity_and_sells_what_it_bought() {
        String instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 720);
        Map<String, Object> request = botRequest(instrument, TradingFixtures.paperAccount(trader, "10000"));
        request.put("sizing", Map.of("kind", "fixed_quantity", "quantity", "0.01"));
        String bot = createBot(request).then().statusCode(201)
                .body("sizing.kind", equalTo("fixed_quantity")).body("sizing.quantity", equalTo("0.01"))
                .extract().path("id");
        // stored with the bot: read back from the database
        get("/api/bots/" + bot).then().statusCode(200).body("sizing.quantity", equalTo("0.01"));
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/start").then().statusCode(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (get("/api/bots/" + bot).then().extract().path("status").equals("running")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            pause();
        }
        JsonPath fills = get("/api/fills?bot=" + bot + "&limit=100").then().statusCode(200).extract().jsonPath();
        List<String> quantities = fills.getList("items.quantity", String.class);
        assertThat(quantities).isNotEmpty();
        assertThat(quantities).allSatisfy(q -> assertThat(new BigDecimal(q)).isEqualByComparingTo("0.01"));
        assertThat(fills.getList("items.side", String.class)).contains("buy");
    }

    @Test
    void a_bot_left_to_its_strategy_shows_the_strategys_own_sizing() {
        String instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 60);
        createBot(botRequest(instrument, TradingFixtures.paperAccount(trader, "10000"))).then().statusCode(201)
                .body("sizing.kind", equalTo("all_in"));
    }

    @Test
    void sizing_problems_and_a_starting_cash_the_scales_cannot_hold_are_400s_naming_the_field() {
        String instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 60);
        Map<String, Object> request = botRequest(instrument, TradingFixtures.paperAccount(trader, "10000"));
        request.put("sizing", Map.of("kind", "percent_of_equity", "percent", "0"));
        request.put("timeframe", "7m");
        createBot(request).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("sizing.percent", "timeframe"));
        request = botRequest(instrument, TradingFixtures.paperAccount(trader, "10000"));
        request.put("sizing", Map.of("kind", "fixed_quantity", "quantity", "0.000015"));
        createBot(request).then().statusCode(400).body("errors.field", containsInAnyOrder("sizing.quantity"));

        // tick 0.01, step 0.00000001: amounts at 10 decimals; starting cash at most floor(Long.MAX_VALUE / 100) units
        String fine = TradingFixtures.newInstrumentWithCandles(trader, FROM, 60, "0.01", "0.00000001");
        createBot(botRequest(fine, TradingFixtures.paperAccount(trader, "1000000000"))).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("accountId"))
                .body("errors.reason", hasItem(endsWith("the largest starting cash accepted is 9223372.0368547758")));
        createBot(botRequest(fine, TradingFixtures.paperAccount(trader, "9223372.0368547758"))).then()
                .statusCode(201);
    }

    private Map<String, Object> botRequest(String instrument, String account) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "sized " + UUID.randomUUID());
        request.put("strategy", "sma_crossover");
        request.put("parameters", Map.of("fast", "5", "slow", "20"));
        request.put("instrument", instrument);
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("kind", "replay", "from", FROM, "to", TO, "speed", "10000000"));
        request.put("takerFee", "0.001");
        return request;
    }

    private Response createBot(Map<String, Object> request) {
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots");
    }

    private Response get(String path) {
        return given().header("Authorization", trader.bearer()).get(path);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
