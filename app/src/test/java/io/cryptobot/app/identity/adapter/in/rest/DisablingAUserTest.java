package io.cryptobot.app.identity.adapter.in.rest;

import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.PASSWORD;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.login;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.newAddress;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.newSession;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.identity.adapter.in.rest.IdentityApi.Session;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * An admin disabling a user stops them: their open streams end, their tokens are refused at once, and their bots
 * are paused by their kill switch, tripped with the admin named in the reason; re-enabling leaves it tripped.
 */
@QuarkusTest
class DisablingAUserTest {
    static final String FROM = "2024-01-01T00:00:00Z";

    @Test
    void a_disabled_users_streams_end_their_bots_halt_and_their_token_is_refused() throws Exception {
        TestUser admin = TestUsers.create("admin");
        Session session = newSession();
        TestUser trader = new TestUser(session.id(), session.email(), "trader", session.accessToken());
        String instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 1_440);
        String account = TradingFixtures.paperAccount(trader, "10000");
        // buys 10 USDT at market on every candle, a candle every 5 s: it trades until something stops it
        String bot = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "dca " + UUID.randomUUID(), "strategy", "dca",
                        "parameters", Map.of("interval", "1", "amount", "10", "max_buys", "1000"),
                        "instrument", instrument, "timeframe", "1m", "accountId", account,
                        "feed", Map.of("from", FROM, "to", "2024-01-02T00:00:00Z", "speed", "12"),
                        "takerFee", "0.001"))
                .post("/api/bots").then().statusCode(201).extract().path("id");

        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch streamEnded = new CountDownLatch(1);
        HttpResponse<java.util.stream.Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest
                        .newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/orders/stream"))
                        .header("Authorization", trader.bearer()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread.ofVirtual().start(() -> {
            try {
                stream.body().filter(line -> line.startsWith("data:")).forEach(events::add);
            } catch (RuntimeException closed) {
                // an abruptly closed connection ends the lines with an exception: ended all the same
            } finally {
                streamEnded.countDown();
            }
        });
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/start").then().statusCode(200);
        await(() -> !events.isEmpty(), "an order event on the open stream");

        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("enabled", false)).patch("/api/admin/users/" + trader.id()).then().statusCode(200);

        assertThat(streamEnded.await(5, TimeUnit.SECONDS)).as("the server ended the open stream").isTrue();
        for (String path : List.of("/api/me", "/api/orders", "/api/bots/" + bot)) {
            given().header("Authorization", trader.bearer()).get(path).then().statusCode(401)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", trader.bearer()).get("/api/orders/stream").then().statusCode(401);

        // re-enabled, the user logs in again and finds trading still halted, with the reason
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("enabled", true)).patch("/api/admin/users/" + trader.id()).then().statusCode(200);
        String again = "Bearer " + login(trader.email(), PASSWORD, newAddress()).then().statusCode(200).extract()
                .path("accessToken");
        String reason = "user disabled by admin " + admin.id();
        JsonPath state = given().header("Authorization", again).get("/api/risk/state").then().statusCode(200)
                .extract().jsonPath();
        assertThat(state.getString("state")).isEqualTo("halted");
        assertThat(state.getString("reason")).isEqualTo(reason);
        JsonPath paused = given().header("Authorization", again).get("/api/bots/" + bot).then().statusCode(200)
                .extract().jsonPath();
        assertThat(paused.getString("status")).isEqualTo("paused");
        assertThat(paused.getString("statusReason")).isEqualTo("kill switch: " + reason);
        assertThat(given().header("Authorization", again).get("/api/bots/" + bot + "/events").then().statusCode(200)
                .extract().jsonPath().getList("items.kind", String.class)).containsSubsequence("started", "trading_halted",
                "paused");
        long orders = given().header("Authorization", again).get("/api/orders?bot=" + bot).then().extract().jsonPath()
                .getLong("total");
        Thread.sleep(1_500);
        assertThat(given().header("Authorization", again).get("/api/orders?bot=" + bot).then().extract().jsonPath()
                .getLong("total")).as("no order after the halt").isEqualTo(orders);
    }

    @Test
    void disabling_ends_every_session_of_the_user_and_leaves_other_users_alone() {
        TestUser admin = TestUsers.create("admin");
        Session first = newSession();
        String second = "Bearer " + login(first.email(), PASSWORD, newAddress()).then().statusCode(200).extract()
                .path("accessToken");
        Session bystander = newSession();

        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("enabled", false)).patch("/api/admin/users/" + first.id()).then().statusCode(200);

        given().header("Authorization", first.bearer()).get("/api/me").then().statusCode(401);
        given().header("Authorization", second).get("/api/me").then().statusCode(401);
        given().header("Authorization", bystander.bearer()).get("/api/me").then().statusCode(200);
        given().header("Authorization", bystander.bearer()).get("/api/risk/state").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("active"));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
