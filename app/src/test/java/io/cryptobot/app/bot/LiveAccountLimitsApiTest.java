package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A live account's own limits at the API: set and read, refused when wrong or looser than the owner's. */
@QuarkusTest
class LiveAccountLimitsApiTest {
    private final TestUser trader = TestUsers.create("trader");

    private String liveAccount(TestUser owner) {
        return given().header("Authorization", owner.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "binance " + UUID.randomUUID(), "venue", "BINANCE", "apiKey", "k".repeat(64),
                        "secret", "s".repeat(64)))
                .post("/api/accounts/connections").then().statusCode(201).extract().path("id");
    }

    private Response put(TestUser who, String account, Map<String, String> body) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON).body(body)
                .put("/api/accounts/" + account + "/limits");
    }

    @Test
    void limits_are_null_until_set_then_read_back_as_set() {
        String account = liveAccount(trader);
        given().header("Authorization", trader.bearer()).get("/api/accounts/" + account + "/limits").then()
                .statusCode(200).body("accountId", equalTo(account)).body("maxOrderNotional", nullValue());
        put(trader, account, Map.of("currency", "USDT", "maxOrderNotional", "250.50", "maxDailyLoss", "40"))
                .then().statusCode(200).body("maxOrderNotional", equalTo("250.5"));
        given().header("Authorization", trader.bearer()).get("/api/accounts/" + account + "/limits").then()
                .statusCode(200).body("currency", equalTo("USDT")).body("maxOrderNotional", equalTo("250.5"))
                .body("maxDailyLoss", equalTo("40"));
    }

    @Test
    void invalid_limits_name_every_field_as_a_problem_and_change_nothing() {
        String account = liveAccount(trader);
        Map<String, String> body = new HashMap<>();
        body.put("currency", "USDT");
        body.put("maxDailyLoss", "-3");
        List<String> fields = put(trader, account, body).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("bot.invalid_input"))
                .extract().jsonPath().getList("errors.field");
        assertThat(fields).containsExactlyInAnyOrder("maxOrderNotional", "maxDailyLoss");
        given().header("Authorization", trader.bearer()).get("/api/accounts/" + account + "/limits").then()
                .statusCode(200).body("maxDailyLoss", nullValue());
    }

    @Test
    void limits_looser_than_the_owners_are_refused_naming_both_numbers() {
        TestUser careful = TestUsers.create("trader");
        given().header("Authorization", careful.bearer()).contentType(ContentType.JSON)
                .body(Map.of("currency", "USDT", "maxOrderNotional", "200", "maxDailyLoss", "50"))
                .put("/api/risk/limits").then().statusCode(200);
        String account = liveAccount(careful);
        String reason = put(careful, account, Map.of("currency", "USDT", "maxOrderNotional", "250",
                "maxDailyLoss", "50")).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("bot.account_limits_looser")).body("errors[0].field", equalTo("maxOrderNotional"))
                .extract().path("errors[0].reason");
        assertThat(reason).contains("250 is looser than your own max order notional of 200");
        put(careful, account, Map.of("currency", "USDC", "maxOrderNotional", "100", "maxDailyLoss", "10")).then()
                .statusCode(400).body("errors[0].field", equalTo("currency"));
        put(careful, account, Map.of("currency", "USDT", "maxOrderNotional", "200", "maxDailyLoss", "20")).then()
                .statusCode(200);
    }

    @Test
    void another_users_account_is_not_found_and_a_paper_account_has_no_such_limits() {
        String account = liveAccount(trader);
        TestUser stranger = TestUsers.create("trader");
        Map<String, String> body = Map.of("currency", "USDT", "maxOrderNotional", "100", "maxDailyLoss", "10");
        put(stranger, account, body).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("exchange.account.not_found"));
        given().header("Authorization", stranger.bearer()).get("/api/accounts/" + account + "/limits").then()
                .statusCode(404);
        String paper = TradingFixtures.paperAccount(trader, "1000");
        put(trader, paper, body).then().statusCode(409).body("code", equalTo("bot.account_not_live"));
        put(trader, "not-an-id", body).then().statusCode(404);
    }
}
