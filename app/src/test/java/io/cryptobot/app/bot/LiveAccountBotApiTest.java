package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.FakeVenuesTestResource;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.cryptobot.exchange.fakevenue.FakeBinance;
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

    /** A BINANCE connection of the trader's with these keys. */
    private String connection(String apiKey, String secret) {
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "binance " + UUID.randomUUID(), "venue", "BINANCE", "apiKey", apiKey,
                        "secret", secret))
                .post("/api/accounts/connections").then().statusCode(201).extract().path("id");
    }

    /** A valid request for a manual bot on BINANCE:BTC/USDT on {@code account}, live, confirmed, with a budget. */
    private static Map<String, Object> liveBot(String account) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "real " + UUID.randomUUID());
        request.put("strategy", "manual");
        request.put("instrument", "BINANCE:BTC/USDT");
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("kind", "live"));
        request.put("limits", Map.of("maxOrderNotional", "100", "maxDailyLoss", "50"));
        request.put("budget", "500");
        request.put("confirmLive", true);
        return request;
    }

    /** BINANCE:BTC/USDT in the catalog (a live bot's instrument must be defined). */
    private void binanceBtcDefined() {
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", "BINANCE", "base", "BTC", "quote", "USDT", "tickSize", "0.01",
                        "stepSize", "0.00001"))
                .post("/api/marketdata/instruments").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
    }

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

    /**
     * Found by the audit of 2026-12-06: a budget the ledger's fixed-point cash cannot hold (1e300, 25 nines, more
     * decimals than a long holds at its scale) passed the check (positive) and overflowed when the bot was built:
     * a 500. Each is a 400 naming budget now, and no bot is made.
     */
    @Test
    void a_budget_too_large_or_too_fine_is_refused_on_budget_and_makes_no_bot() {
        String live = connection("k".repeat(64), "s".repeat(64));
        int before = given().header("Authorization", trader.bearer()).get("/api/bots").then().statusCode(200)
                .extract().path("total");
        for (String budget : List.of("1e300", "9".repeat(25), "0." + "1".repeat(30), "1e-30", "1e999999999",
                "1e-999999999", "1000000000000.01", "999999999999.123456789012", "NaN", "-1e3")) {
            Map<String, Object> request = liveBot(live);
            request.put("budget", budget);
            given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                    .post("/api/bots").then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("bot.invalid_input"))
                    .body("errors.field", org.hamcrest.Matchers.hasItem("budget"));
        }
        // a paper balance within the account's bounds (12 digits before and after the point) is as much as the cash
        // can hold, at the bot: refused on accountId, not a 500
        String paper = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "paper " + UUID.randomUUID(), "balances",
                        Map.of("USDT", "999999999999.123456789012")))
                .post("/api/accounts/paper").then().statusCode(201).extract().path("id");
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "paper bot " + UUID.randomUUID(), "strategy", "manual", "instrument",
                        "SIM:BTC/USDT", "timeframe", "1m", "accountId", paper, "feed", Map.of("kind", "live")))
                .post("/api/bots").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("accountId"));
        given().header("Authorization", trader.bearer()).get("/api/bots").then().statusCode(200)
                .body("total", equalTo(before));
    }

    /**
     * Found by the audit of 2026-12-06: a hand order on a live account whose bot is not running was refused as
     * "no paper account ... of yours" (400), as if the account were someone else's; it is the caller's and has no
     * live session: 409 order.no_live_session, as for a paper account.
     */
    @Test
    void a_hand_order_on_a_live_account_without_a_running_bot_has_no_live_session() {
        String live = connection("k".repeat(64), "s".repeat(64));
        Map<String, Object> order = Map.of("accountId", live, "instrument", "BINANCE:BTC/USDT", "side", "buy",
                "type", "limit", "quantity", "0.001", "limitPrice", "20000.00", "timeInForce", "gtc");
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(order).post("/api/orders")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("order.no_live_session"));
        TestUser stranger = TestUsers.create("trader");
        given().header("Authorization", stranger.bearer()).contentType(ContentType.JSON).body(order)
                .post("/api/orders").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("accountId"));
    }

    /**
     * Found by the audit of 2026-12-06: a live account removed under its bot left the bot behind; started, it no
     * longer knew its account was live and ran as a paper bot on the simulated venue (the withdrawal check, the
     * venue and reconciliation all skipped). An account a bot may still trade (created, running, paused, failed) is
     * not removed: 409 naming the bot; once the bot is stopped it goes.
     */
    @Test
    void an_account_is_not_removed_while_a_bot_may_trade_it() {
        String live = connection("k".repeat(64), "s".repeat(64));
        binanceBtcDefined();
        Map<String, Object> request = liveBot(live);
        String bot = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
        given().header("Authorization", trader.bearer()).delete("/api/accounts/" + live).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("exchange.account.in_use"))
                .body("detail", org.hamcrest.Matchers.containsString(bot));
        given().header("Authorization", trader.bearer()).get("/api/accounts/" + live).then().statusCode(200);
        TestUser stranger = TestUsers.create("trader");
        given().header("Authorization", stranger.bearer()).delete("/api/accounts/" + live).then().statusCode(404);
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/stop").then().statusCode(200);
        given().header("Authorization", trader.bearer()).delete("/api/accounts/" + live).then().statusCode(204);
    }

    /**
     * Keys that may withdraw, at the API (the rule is unit-tested in OpenLiveTradingTest): starting a bot on them is
     * 409 bot.withdrawal_key_refused, the bot stays created and its events say why; nothing else of the bot changes.
     */
    @Test
    void a_bot_on_keys_that_may_withdraw_is_refused_at_start_and_stays_created() {
        String key = "wd-" + UUID.randomUUID().toString().replace("-", "");
        String secret = "wd-secret-" + UUID.randomUUID().toString().replace("-", "");
        FakeVenuesTestResource.binance().key(FakeBinance.Key.readAndTrade(key, secret).withWithdrawals());
        String live = connection(key, secret);
        binanceBtcDefined();
        Map<String, Object> request = liveBot(live);
        String bot = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
        String body = given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/start").then()
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("bot.withdrawal_key_refused")).extract().asString();
        assertThat(body).doesNotContain(secret).doesNotContain(key);
        given().header("Authorization", trader.bearer()).get("/api/bots/" + bot).then().statusCode(200)
                .body("status", equalTo("created"));
    }
}
