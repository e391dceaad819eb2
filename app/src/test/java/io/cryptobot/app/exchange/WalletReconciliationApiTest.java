package io.cryptobot.app.exchange;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.FakeVenuesTestResource;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.exchange.fakevenue.Eventually;
import io.cryptobot.exchange.fakevenue.FakeBinance;
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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * GET /api/accounts/{id}/reconciliation against the fake Binance the test JVM shares: the venue's balances, read
 * with the account's keys, against the ledgers of the owner's bots on the account. Each test has its own key, so its
 * balances and its account reads are its own.
 */
@QuarkusTest
class WalletReconciliationApiTest {
    private final TestUser trader = TestUsers.create("trader");
    private final TestUser stranger = TestUsers.create("trader");
    private final FakeBinance binance = FakeVenuesTestResource.binance();
    private final String apiKey = "wallet-" + UUID.randomUUID().toString().replace("-", "");
    private final String secret = "s3cr3t-" + UUID.randomUUID().toString().replace("-", "");
    /** A symbol of this test only, in the fake's listing and the platform's catalog, for bots to be made on. */
    private final String base = "W" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36)
            .toUpperCase().substring(0, 9);

    /** The key on the fake with {@code usdt} free and nothing locked, besides the default key's BTC. */
    private void keyWithUsdt(String usdt) {
        binance.key(new FakeBinance.Key(apiKey, secret, true, false, true, false, Map.of(
                "USDT", new BigDecimal[] {new BigDecimal(usdt), BigDecimal.ZERO},
                "BTC", new BigDecimal[] {new BigDecimal("0.01000000"), new BigDecimal("0.00500000")})));
    }

    private String connect() {
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "binance " + UUID.randomUUID(), "venue", "BINANCE", "apiKey", apiKey,
                        "secret", secret))
                .post("/api/accounts/connections").then().statusCode(201).extract().path("id");
    }

    /** A live bot on the account with {@code budget} (created, not started: its ledger is its budget). */
    private String liveBot(String account, String budget) {
        binance.symbol(base, "USDT", "TRADING", "0.01000000", "0.00100000", "5.00000000");
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", "BINANCE", "base", base, "quote", "USDT", "tickSize", "0.01",
                        "stepSize", "0.001"))
                .post("/api/marketdata/instruments").then().statusCode(201);
        Map<String, Object> request = new HashMap<>();
        request.put("name", "live " + UUID.randomUUID());
        request.put("strategy", "manual");
        request.put("parameters", Map.of());
        request.put("instrument", "BINANCE:" + base + "/USDT");
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("kind", "live"));
        request.put("limits", Map.of("maxOrderNotional", "200", "maxDailyLoss", "100"));
        request.put("budget", budget);
        request.put("confirmLive", true);
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
    }

    private Response reconciliation(TestUser user, String account) {
        return given().header("Authorization", user.bearer()).get("/api/accounts/" + account + "/reconciliation");
    }

    private JsonPath reconciled(String account) {
        return reconciliation(trader, account).then().statusCode(200).contentType(ContentType.JSON).extract()
                .jsonPath();
    }

    @Test
    void without_bots_everything_on_the_venue_is_unallocated() {
        keyWithUsdt("1250.50000000");
        String account = connect();
        JsonPath wallet = reconciled(account);
        assertThat(wallet.getString("accountId")).isEqualTo(account);
        assertThat(wallet.getString("venue")).isEqualTo("BINANCE");
        assertThat(wallet.getBoolean("reconciled")).isTrue();
        assertThat(wallet.getList("bots")).isEmpty();
        assertThat(wallet.getString("at")).isNotBlank();
        assertThat(wallet.getList("assets.asset")).containsExactly("BTC", "USDT");
        assertThat(wallet.getMap("assets[0]")).containsEntry("venueFree", "0.01").containsEntry("venueLocked", "0.005")
                .containsEntry("venueTotal", "0.015").containsEntry("ledgers", "0")
                .containsEntry("unallocated", "0.015").containsEntry("drift", false);
        assertThat(wallet.getMap("assets[1]")).containsEntry("venueTotal", "1250.5").containsEntry("ledgers", "0")
                .containsEntry("unallocated", "1250.5").containsEntry("drift", false);
    }

    @Test
    void a_bots_budget_below_the_venue_balance_leaves_the_rest_unallocated_without_drift() {
        keyWithUsdt("1250.50000000");
        String account = connect();
        String bot = liveBot(account, "500.00");
        JsonPath wallet = reconciled(account);
        assertThat(wallet.getBoolean("reconciled")).isTrue();
        assertThat(wallet.getList("bots")).containsExactly(bot);
        assertThat(wallet.getMap("assets.find { it.asset == 'USDT' }")).containsEntry("venueTotal", "1250.5")
                .containsEntry("ledgers", "500").containsEntry("unallocated", "750.5").containsEntry("drift", false);
        assertThat(wallet.getMap("assets.find { it.asset == 'BTC' }")).containsEntry("ledgers", "0")
                .containsEntry("drift", false);
    }

    @Test
    void a_venue_balance_below_the_bots_ledger_is_drift_with_the_shortfall() {
        keyWithUsdt("1250.50000000");
        String account = connect();
        String bot = liveBot(account, "500.00");
        keyWithUsdt("400.00000000"); // withdrawn on the venue, behind the platform's back
        JsonPath wallet = reconciled(account);
        assertThat(wallet.getBoolean("reconciled")).isFalse();
        assertThat(wallet.getList("bots")).containsExactly(bot);
        assertThat(wallet.getMap("assets.find { it.asset == 'USDT' }")).containsEntry("venueFree", "400")
                .containsEntry("venueTotal", "400").containsEntry("ledgers", "500")
                .containsEntry("unallocated", "-100").containsEntry("drift", true);
        assertThat(wallet.getMap("assets.find { it.asset == 'BTC' }")).containsEntry("drift", false);
    }

    @Test
    void a_fresh_reading_is_reused_rather_than_asking_the_venue_again() {
        keyWithUsdt("1250.50000000");
        String account = connect();
        JsonPath first = reconciled(account);
        keyWithUsdt("400.00000000");
        JsonPath second = reconciled(account);
        assertThat(binance.accountReads(apiKey)).as("one venue read for both").isEqualTo(1);
        assertThat(second.getString("at")).isEqualTo(first.getString("at"));
        assertThat(second.getString("assets.find { it.asset == 'USDT' }.venueTotal")).isEqualTo("1250.5");
        Eventually.until(Duration.ofSeconds(15), "a new reading once the last is stale",
                () -> "400".equals(reconciled(account).getString("assets.find { it.asset == 'USDT' }.venueTotal")));
        assertThat(binance.accountReads(apiKey)).isEqualTo(2);
    }

    @Test
    void another_users_account_is_not_found_and_the_venue_is_not_asked() {
        keyWithUsdt("1250.50000000");
        String account = connect();
        reconciliation(stranger, account).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("exchange.account.not_found"));
        reconciliation(trader, "not-a-uuid").then().statusCode(404);
        given().get("/api/accounts/" + account + "/reconciliation").then().statusCode(401);
        assertThat(binance.accountReads(apiKey)).isZero();
    }

    @Test
    void a_paper_account_has_no_venue_wallet() {
        String paper = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "paper " + UUID.randomUUID(), "balances", Map.of("USDT", "100")))
                .post("/api/accounts/paper").then().statusCode(201).extract().path("id");
        reconciliation(trader, paper).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("exchange.account.paper_has_no_venue"));
    }

    @Test
    void a_venue_that_does_not_answer_is_503_and_changes_nothing() {
        keyWithUsdt("1250.50000000");
        String account = connect();
        String bot = liveBot(account, "500.00");
        binance.failAccountReads(apiKey, FakeBinance.Fault.serverError(503, false));
        try {
            Response down = reconciliation(trader, account);
            down.then().statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("exchange.venue.unavailable"));
            assertThat(Long.parseLong(down.header("Retry-After"))).isBetween(1L, 5L);
            assertThat(down.asString()).doesNotContain(secret).doesNotContain(apiKey);
            reconciliation(trader, account).then().statusCode(503);
            assertThat(binance.accountReads(apiKey)).as("the failed reading is reused too").isEqualTo(1);
        } finally {
            binance.failAccountReads(apiKey, null);
        }
        given().header("Authorization", trader.bearer()).get("/api/bots/" + bot).then().statusCode(200)
                .body("status", equalTo("created"));
        given().header("Authorization", trader.bearer()).get("/api/accounts/" + account).then().statusCode(200);
        Eventually.until(Duration.ofSeconds(15), "the venue read again once it answers",
                () -> reconciliation(trader, account).statusCode() == 200);
        assertThat(reconciled(account).getList("bots")).isEqualTo(List.of(bot));
    }
}
