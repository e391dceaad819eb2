package io.cryptobot.app.exchange;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.exchange.application.port.out.SealSecretPort;
import io.cryptobot.exchange.domain.account.SealedSecret;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountsApiTest {
    static final String API_KEY = "AKIAEXAMPLEKEY0001Wx9z";
    static final String SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYSECRET";
    static final String PASSPHRASE = "correct horse";
    private final TestUser trader = TestUsers.create("trader");
    private final TestUser stranger = TestUsers.create("trader");
    private final TestUser viewer = TestUsers.create("viewer");

    @Inject
    Pool pool;

    @Inject
    SealSecretPort sealer;

    @Test
    void a_paper_account_is_opened_listed_read_and_removed() {
        Response created = post(trader, "/api/accounts/paper", Map.of("name", "paper main",
                "balances", Map.of("USDT", "10000", "BTC", "0.5")));
        created.then().statusCode(201).body("kind", equalTo("paper")).body("venue", equalTo("SIM"))
                .body("startingBalances.USDT", equalTo("10000")).body("startingBalances.BTC", equalTo("0.5"))
                .body("apiKey", nullValue());
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/accounts/" + id);
        get(trader, "/api/accounts/" + id).then().statusCode(200).body("name", equalTo("paper main"));
        get(trader, "/api/accounts").then().statusCode(200).body("total", equalTo(1));
        post(trader, "/api/accounts/paper", Map.of("name", "paper main", "balances", Map.of("USDT", "1")))
                .then().statusCode(409).body("code", equalTo("exchange.account.name_taken"));
        given().header("Authorization", trader.bearer()).delete("/api/accounts/" + id).then().statusCode(204);
        get(trader, "/api/accounts/" + id).then().statusCode(404);
    }

    @Test
    void a_connection_seals_its_credentials_and_only_ever_shows_the_masked_key() {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "binance main");
        request.put("venue", "binance");
        request.put("apiKey", API_KEY);
        request.put("secret", SECRET);
        request.put("passphrase", PASSPHRASE);
        Response created = post(trader, "/api/accounts/connections", request);
        String body = created.then().statusCode(201).body("kind", equalTo("live")).body("venue", equalTo("BINANCE"))
                .body("apiKey", equalTo("****Wx9z")).body("hasPassphrase", equalTo(true)).extract().asString();
        assertThat(body).doesNotContain(SECRET).doesNotContain(API_KEY).doesNotContain(PASSPHRASE);
        String id = created.path("id");
        for (String path : new String[] {"/api/accounts/" + id, "/api/accounts"}) {
            assertThat(get(trader, path).then().statusCode(200).extract().asString())
                    .doesNotContain(SECRET).doesNotContain(API_KEY).doesNotContain(PASSPHRASE);
        }
        // at rest: ciphertext only, and it opens to the original with the platform's key
        Row row = pool.preparedQuery("SELECT * FROM exchange.accounts WHERE id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(id))).iterator().next();
        String everything = row.toJson().encode();
        assertThat(everything).doesNotContain(SECRET).doesNotContain(API_KEY).doesNotContain(PASSPHRASE);
        byte[] ciphertext = row.getBuffer("secret_sealed").getBytes();
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("SECRET");
        assertThat(sealer.open(new SealedSecret(row.getBuffer("secret_nonce").getBytes(), ciphertext)))
                .isEqualTo(SECRET);
    }

    @Test
    void invalid_requests_list_every_problem_and_create_nothing() {
        Map<String, Object> paper = new HashMap<>();
        paper.put("name", "");
        paper.put("balances", Map.of("USDT", "-5", "??", "1"));
        post(trader, "/api/accounts/paper", paper).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("exchange.invalid_input"))
                .body("errors.field", containsInAnyOrder("name", "balances.USDT", "balances.??"));
        Map<String, Object> connection = new HashMap<>();
        connection.put("name", "x");
        connection.put("venue", "MOONEX");
        connection.put("apiKey", "short");
        post(trader, "/api/accounts/connections", connection).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("venue", "apiKey", "secret"))
                .body("errors.reason.toString()", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("short")));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body("{oops")
                .post("/api/accounts/paper").then().statusCode(400).contentType("application/problem+json");
        get(trader, "/api/accounts").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void strangers_get_404_viewers_cannot_write_and_anonymous_callers_get_401() {
        String id = post(trader, "/api/accounts/paper", Map.of("name", "mine", "balances", Map.of("USDT", "100")))
                .then().statusCode(201).extract().path("id");
        get(stranger, "/api/accounts/" + id).then().statusCode(404).body("code", equalTo("exchange.account.not_found"));
        given().header("Authorization", stranger.bearer()).delete("/api/accounts/" + id).then().statusCode(404);
        get(stranger, "/api/accounts").then().statusCode(200).body("total", equalTo(0));
        get(trader, "/api/accounts/not-a-uuid").then().statusCode(404);
        post(viewer, "/api/accounts/paper", Map.of("name", "v", "balances", Map.of("USDT", "1"))).then().statusCode(403);
        given().header("Authorization", viewer.bearer()).delete("/api/accounts/" + id).then().statusCode(403);
        given().get("/api/accounts").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/api/accounts/paper")
                .then().statusCode(401);
        get(trader, "/api/accounts/" + id).then().statusCode(200);
    }

    static Response post(TestUser user, String path, Map<String, ?> body) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(body).post(path);
    }

    static Response get(TestUser user, String path) {
        return given().header("Authorization", user.bearer()).get(path);
    }
}
