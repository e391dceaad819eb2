package io.cryptobot.app.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.SmallUserLimits;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's trading accounts, paper and connections together, are bounded ({@link SmallUserLimits}: 3). */
@QuarkusTest
@TestProfile(SmallUserLimits.class)
class AccountLimitsTest {
    private final TestUser trader = TestUsers.create("trader");
    private final TestUser other = TestUsers.create("trader");

    @Test
    void an_account_beyond_the_limit_is_429_naming_it_and_removing_one_makes_room() {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < SmallUserLimits.ACCOUNTS; i++) {
            accounts.add(TradingFixtures.paperAccount(trader, "1000"));
        }

        post("/api/accounts/paper", Map.of("name", "one too many", "balances", Map.of("USDT", "1")))
                .then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("exchange.account.too_many"))
                .body("limit", equalTo("accounts-per-user"))
                .body("max", equalTo(SmallUserLimits.ACCOUNTS));
        post("/api/accounts/connections", Map.of("name", "venue", "venue", "binance", "apiKey", "key-1234",
                "secret", "a-secret-of-some-length")).then().statusCode(429)
                .body("code", equalTo("exchange.account.too_many"));
        given().header("Authorization", trader.bearer()).get("/api/accounts").then().statusCode(200)
                .body("total", equalTo(SmallUserLimits.ACCOUNTS));
        // others are not affected
        TradingFixtures.paperAccount(other, "1000");

        given().header("Authorization", trader.bearer()).delete("/api/accounts/" + accounts.get(0)).then()
                .statusCode(204);
        post("/api/accounts/paper", Map.of("name", "in its place", "balances", Map.of("USDT", "1")))
                .then().statusCode(201);
    }

    private io.restassured.response.Response post(String path, Object body) {
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(body).post(path);
    }
}
