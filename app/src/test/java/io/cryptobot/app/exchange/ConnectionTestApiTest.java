package io.cryptobot.app.exchange;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.cryptobot.app.support.FakeVenuesTestResource;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.exchange.fakevenue.FakeOkx;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** POST /api/accounts/{id}/test against the fake Binance and OKX the whole test JVM shares. */
@QuarkusTest
class ConnectionTestApiTest {
    private final TestUser trader = TestUsers.create("trader");
    private final TestUser stranger = TestUsers.create("trader");
    private final TestUser viewer = TestUsers.create("viewer");
    /** Keys of this test only: the fakes are shared. */
    private final String apiKey = "test-" + UUID.randomUUID().toString().replace("-", "");
    private final String secret = "s3cr3t-" + UUID.randomUUID().toString().replace("-", "");

    String connect(String venue, String key, String withSecret, String passphrase) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", venue + " " + UUID.randomUUID());
        body.put("venue", venue);
        body.put("apiKey", key);
        body.put("secret", withSecret);
        body.put("passphrase", passphrase);
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/accounts/connections").then().statusCode(201).extract().path("id");
    }

    Response test(TestUser user, String id) {
        return given().header("Authorization", user.bearer()).post("/api/accounts/" + id + "/test");
    }

    /** {@code call}'s answer; every log record made meanwhile (message, parameters, throwable) added to {@code logged}. */
    static Response logging(List<String> logged, java.util.function.Supplier<Response> call) {
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()) + " "
                            + record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            return call.get();
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    void good_binance_keys_answer_permissions_balances_and_the_clock_without_any_secret() {
        FakeVenuesTestResource.binance().key(FakeBinance.Key.readAndTrade(apiKey, secret));
        String id = connect("BINANCE", apiKey, secret, null);
        String body = test(trader, id).then().statusCode(200).contentType(ContentType.JSON)
                .body("ok", equalTo(true)).body("venue", equalTo("BINANCE")).body("accountId", equalTo(id))
                .body("permissions.read", equalTo(true)).body("permissions.trade", equalTo(true))
                .body("permissions.withdraw", equalTo(false)).body("permissions.source", equalTo("key"))
                .body("balances.asset", equalTo(List.of("BTC", "USDT")))
                .body("balances[0].free", equalTo("0.01")).body("balances[0].locked", equalTo("0.005"))
                .body("clock.withinWindow", equalTo(true)).body("clock.maxAheadMs", equalTo(1000))
                .body("clock.maxBehindMs", equalTo(5000)).body("failure", nullValue())
                .body("warnings.size()", equalTo(0)).extract().asString();
        assertThat(body).doesNotContain(secret).doesNotContain(apiKey);
    }

    @Test
    void withdrawal_permission_comes_with_the_loud_warning_first() {
        FakeVenuesTestResource.binance().key(FakeBinance.Key.readAndTrade(apiKey, secret).withWithdrawals());
        test(trader, connect("BINANCE", apiKey, secret, null)).then().statusCode(200).body("ok", equalTo(true))
                .body("permissions.withdraw", equalTo(true)).body("warnings[0]", startsWith("WITHDRAWALS ARE ENABLED"));
    }

    @Test
    void a_bad_signature_is_a_failed_test_naming_the_venues_code_and_leaking_nothing() {
        FakeVenuesTestResource.binance().key(FakeBinance.Key.readAndTrade(apiKey, secret));
        String id = connect("BINANCE", apiKey, secret + "-wrong", null);
        List<String> logged = new ArrayList<>();
        String body = logging(logged, () -> test(trader, id)).then().statusCode(200).body("ok", equalTo(false))
                .body("failure.kind", equalTo("unauthorized")).body("failure.code", equalTo("-1022"))
                .body("failure.message", equalTo("Signature for this request is not valid."))
                .body("permissions", nullValue()).body("clock.withinWindow", equalTo(true))
                .extract().asString();
        assertThat(body).doesNotContain(secret).doesNotContain(apiKey);
        assertThat(logged).anyMatch(line -> line.contains("connection test of account"));
        assertThat(String.join("\n", logged)).doesNotContain(secret).doesNotContain(apiKey);
    }

    @Test
    void a_skewed_clock_fails_the_test_and_is_measured() {
        FakeBinance binance = FakeVenuesTestResource.binance();
        binance.key(FakeBinance.Key.readAndTrade(apiKey, secret));
        String id = connect("BINANCE", apiKey, secret, null);
        binance.clockOffset(Duration.ofSeconds(-4));
        try {
            test(trader, id).then().statusCode(200).body("ok", equalTo(false))
                    .body("failure.code", equalTo("-1021")).body("clock.withinWindow", equalTo(false))
                    .body("warnings[0]", containsString("ahead of BINANCE's"));
        } finally {
            binance.clockOffset(Duration.ZERO);
        }
    }

    @Test
    void okx_keys_with_their_passphrase_work_on_the_second_venue() {
        FakeVenuesTestResource.okx().key(FakeOkx.Key.readAndTrade(apiKey, secret, "my passphrase"));
        test(trader, connect("OKX", apiKey, secret, "my passphrase")).then().statusCode(200)
                .body("ok", equalTo(true)).body("venue", equalTo("OKX")).body("permissions.trade", equalTo(true))
                .body("balances.asset", equalTo(List.of("BTC", "USDT"))).body("clock.maxAheadMs", equalTo(30000));
        test(trader, connect("OKX", apiKey, secret, "not it")).then().statusCode(200).body("ok", equalTo(false))
                .body("failure.code", equalTo("50105"));
    }

    @Test
    void paper_accounts_and_venues_without_an_adapter_cannot_be_tested() {
        String paper = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "paper " + UUID.randomUUID(), "balances", Map.of("USDT", "100")))
                .post("/api/accounts/paper").then().statusCode(201).extract().path("id");
        test(trader, paper).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("exchange.account.not_a_connection"));
        test(trader, connect("KRAKEN", apiKey, secret, null)).then().statusCode(422)
                .body("code", equalTo("exchange.venue.not_supported"));
    }

    @Test
    void only_the_owner_may_test_a_connection() {
        FakeVenuesTestResource.binance().key(FakeBinance.Key.readAndTrade(apiKey, secret));
        String id = connect("BINANCE", apiKey, secret, null);
        FakeVenuesTestResource.binance().clearRequests();
        test(stranger, id).then().statusCode(404).body("code", equalTo("exchange.account.not_found"));
        test(viewer, id).then().statusCode(403);
        test(trader, "not-a-uuid").then().statusCode(404);
        given().post("/api/accounts/" + id + "/test").then().statusCode(401);
        assertThat(FakeVenuesTestResource.binance().count("/api/v3/account")).isZero();
    }

    /**
     * Found by the audit of 2026-12-06: tests were unbounded, and each weighs 21 on Binance's per-IP budget that every
     * user of the instance shares (6,000 a minute): one user asking in a loop (about 290 a minute) held back every
     * other user's live bots and downloads. At most connection-tests-per-minute-per-user (10) a minute now; beyond:
     * 429 naming the limit, with Retry-After, and the venue is not asked. Other users are not affected.
     */
    @Test
    void a_user_may_ask_for_ten_tests_a_minute_and_the_eleventh_is_refused_without_asking_the_venue() {
        FakeVenuesTestResource.binance().key(FakeBinance.Key.readAndTrade(apiKey, secret));
        String id = connect("BINANCE", apiKey, secret, null);
        for (int i = 0; i < 10; i++) {
            test(trader, id).then().statusCode(200).body("ok", equalTo(true));
        }
        List<String> logged = new ArrayList<>();
        Response refused = logging(logged, () -> test(trader, id));
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("exchange.connection_test.too_many"))
                .body("limit", equalTo("connection-tests-per-minute-per-user")).body("max", equalTo(10));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(logged).as("the venue is not asked").noneMatch(line -> line.contains("connection test of account")
                && line.contains(id));
        String othersKey = "test-" + UUID.randomUUID().toString().replace("-", "");
        FakeVenuesTestResource.binance().key(FakeBinance.Key.readAndTrade(othersKey, secret));
        Map<String, Object> body = Map.of("name", "other " + UUID.randomUUID(), "venue", "BINANCE",
                "apiKey", othersKey, "secret", secret);
        String others = given().header("Authorization", stranger.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/accounts/connections").then().statusCode(201).extract().path("id");
        test(stranger, others).then().statusCode(200).body("ok", equalTo(true));
    }
}
