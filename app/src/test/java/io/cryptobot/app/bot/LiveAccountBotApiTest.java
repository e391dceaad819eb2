package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bots on live accounts, at the API: what creating one asks for, and where its reconciliation is read. */
@QuarkusTest
class LiveAccountBotApiTest {
    static final String FROM = "2024-01-01T00:00:00Z";
    static final String TO = "2024-01-02T00:00:00Z";
    private final TestUser trader = TestUsers.create("trader");

    @Test
    void a_bot_on_a_live_account_is_refused_without_confirmation_a_live_feed_and_a_budget() {
        String live = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "binance " + UUID.randomUUID(), "venue", "BINANCE", "apiKey", "k".repeat(64),
                        "secret", "s".repeat(64)))
                .post("/api/accounts/connections").then().statusCode(201).extract().path("id");
        Map<String, Object> request = new HashMap<>();
        request.put("name", "real " + UUID.randomUUID());
        request.put("strategy", "manual");
        request.put("instrument", "BINANCE:BTC/USDT");
        request.put("timeframe", "1m");
        request.put("accountId", live);
        request.put("feed", Map.of("from", FROM, "to", TO, "speed", "60"));
        List<String> fields = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(request).post("/api/bots").then().statusCode(400)
                .body("code", equalTo("bot.invalid_input")).extract().jsonPath().getList("errors.field");
        assertThat(fields).contains("confirmLive", "feed.kind", "budget");
        request.put("confirmLive", true);
        request.put("budget", "0");
        request.put("feed", Map.of("kind", "live"));
        List<String> stillWrong = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(request).post("/api/bots").then().statusCode(400).extract().jsonPath().getList("errors.field");
        assertThat(stillWrong).contains("budget").doesNotContain("confirmLive", "feed.kind");
    }

    @Test
    void a_paper_bot_has_no_reconciliation_and_another_users_bot_is_not_found() {
        String instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 10);
        String account = TradingFixtures.paperAccount(trader, "1000");
        Map<String, Object> request = new HashMap<>();
        request.put("name", "paper " + UUID.randomUUID());
        request.put("strategy", "manual");
        request.put("instrument", instrument);
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("from", FROM, "to", TO, "speed", "60"));
        String bot = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
        given().header("Authorization", trader.bearer()).get("/api/bots/" + bot + "/reconciliation").then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("bot.not_on_live_venue"));
        TestUser stranger = TestUsers.create("trader");
        given().header("Authorization", stranger.bearer()).get("/api/bots/" + bot + "/reconciliation").then()
                .statusCode(404).body("code", equalTo("bot.not_found"));
        given().header("Authorization", trader.bearer()).get("/api/bots/not-an-id/reconciliation").then()
                .statusCode(404);
    }
}
