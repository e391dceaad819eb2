package io.cryptobot.app.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobot.app.notification.adapter.in.worker.DeliveryWorker;
import io.cryptobot.app.notification.adapter.out.http.WebhookSignature;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries to a receiver on this machine (internal addresses are allowed in the test profile, see
 * application.properties), driven by real events: the kill switch moved over the API.
 */
@QuarkusTest
class NotificationDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestUser trader = TestUsers.create("trader");
    private final TestUser other = TestUsers.create("trader");
    private LocalReceiver receiver;

    @Inject
    DeliveryWorker worker;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new LocalReceiver();
    }

    @AfterEach
    void close() {
        worker.start();
        receiver.close();
    }

    @Test
    void a_delivery_is_signed_with_the_secret_shown_once_and_carries_its_id() throws Exception {
        Response created = create(trader, "/signed", List.of("risk.kill_switch"));
        created.then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/notifications/endpoints/"))
                .body("signingSecret", startsWith("whsec_")).body("endpoint.enabled", equalTo(true));
        String id = created.path("endpoint.id");
        String secret = created.path("signingSecret");
        get(trader, "/api/notifications/endpoints/" + id).then().statusCode(200)
                .body("signingSecret", nullValue()).body("events", containsInAnyOrder("risk.kill_switch"));
        assertThat(get(trader, "/api/notifications/endpoints").asString()).doesNotContain(secret);

        halt(trader, "exchange outage");
        await(() -> receiver.deliveredTo("/signed").size() == 1);
        LocalReceiver.Received got = receiver.deliveredTo("/signed").get(0);
        assertThat(WebhookSignature.verify(secret, got.header("X-Cryptobot-Signature"), got.body(),
                System.currentTimeMillis() / 1000, 300)).isTrue();
        assertThat(WebhookSignature.verify(secret, got.header("X-Cryptobot-Signature"), got.body() + " ",
                System.currentTimeMillis() / 1000, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_wrong", got.header("X-Cryptobot-Signature"), got.body(),
                System.currentTimeMillis() / 1000, 300)).isFalse();
        JsonNode body = JSON.readTree(got.body());
        assertThat(body.path("id").asText()).isEqualTo(got.header("X-Cryptobot-Delivery"));
        assertThat(body.path("kind").asText()).isEqualTo("risk.kill_switch");
        assertThat(body.path("data").path("state").asText()).isEqualTo("halted");
        assertThat(body.path("data").path("reason").asText()).isEqualTo("exchange outage");
        await(() -> "delivered".equals(get(trader, "/api/notifications/endpoints/" + id + "/deliveries")
                .path("items[0].status")));
        get(trader, "/api/notifications/endpoints/" + id + "/deliveries").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(got.header("X-Cryptobot-Delivery")))
                .body("items[0].attempts", equalTo(1)).body("items[0].lastStatusCode", equalTo(200));
    }

    @Test
    void another_users_endpoint_is_not_found_and_untouched() {
        String id = create(trader, "/mine", List.of("risk.kill_switch")).path("endpoint.id");
        get(other, "/api/notifications/endpoints/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("notification.endpoint.not_found"));
        get(other, "/api/notifications/endpoints/" + id + "/deliveries").then().statusCode(404);
        given().header("Authorization", other.bearer()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .patch("/api/notifications/endpoints/" + id).then().statusCode(404);
        given().header("Authorization", other.bearer()).delete("/api/notifications/endpoints/" + id).then()
                .statusCode(404);
        get(other, "/api/notifications/endpoints").then().body("total", equalTo(0));
        // the other user's kill switch is not this endpoint's business
        halt(other, "theirs");
        get(trader, "/api/notifications/endpoints/" + id).then().statusCode(200).body("enabled", equalTo(true));
        assertThat(get(trader, "/api/notifications/endpoints/" + id + "/deliveries").<Integer>path("total"))
                .isZero();
    }

    @Test
    void input_errors_are_problems_naming_each_field() {
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "format", "fax", "events", List.of("order.filled")))
                .post("/api/notifications/endpoints").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("notification.invalid_input"))
                .body("errors.field", containsInAnyOrder("format"));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "format", "generic", "url", "ftp://example.com/x", "events",
                        List.of("order.exploded")))
                .post("/api/notifications/endpoints").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("url", "events"));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "format", "slack", "url", "https://evil.example.com/hook", "events",
                        List.of("order.filled")))
                .post("/api/notifications/endpoints").then().statusCode(400).body("errors.field",
                        containsInAnyOrder("url"));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "tg", "format", "telegram", "botToken", "nope", "events", List.of("bot.failed")))
                .post("/api/notifications/endpoints").then().statusCode(400).body("errors.field",
                        containsInAnyOrder("botToken", "chatId"));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .patch("/api/notifications/endpoints/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        String id = create(trader, "/x", List.of("order.filled")).path("endpoint.id");
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(Map.of())
                .patch("/api/notifications/endpoints/" + id).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("body"));
    }

    @Test
    void retries_after_500s_keep_the_order_of_an_endpoints_deliveries() throws Exception {
        receiver.answer("/flaky", 500, 503, 500);
        String id = create(trader, "/flaky", List.of("risk.kill_switch")).path("endpoint.id");
        halt(trader, "one");
        resume(trader, "two");
        halt(trader, "three");
        await(() -> receiver.deliveredTo("/flaky").size() == 3);
        List<String> reasons = receiver.deliveredTo("/flaky").stream().map(r -> reason(r.body())).toList();
        assertThat(reasons).containsExactly("one", "two", "three");
        assertThat(receiver.attemptsAt("/flaky")).isEqualTo(6);
        // the same delivery id on every attempt of the first one
        assertThat(receiver.attempts.stream().filter(r -> r.path().equals("/flaky")).limit(4)
                .map(r -> r.header("X-Cryptobot-Delivery")).distinct().count()).isEqualTo(1);
        await(() -> "delivered".equals(get(trader, "/api/notifications/endpoints/" + id + "/deliveries")
                .path("items[2].status")));
        get(trader, "/api/notifications/endpoints/" + id + "/deliveries").then().body("items[2].attempts", equalTo(4))
                .body("items[0].attempts", equalTo(1));
        get(trader, "/api/notifications/endpoints/" + id).then().body("consecutiveFailures", equalTo(0))
                .body("enabled", equalTo(true));
    }

    @Test
    void a_dead_endpoint_delays_nothing_else_is_disabled_and_catches_up_when_enabled_again() throws Exception {
        receiver.dead("/dead", true);
        String dead = create(trader, "/dead", List.of("risk.kill_switch")).path("endpoint.id");
        create(trader, "/alive", List.of("risk.kill_switch"));
        long start = System.nanoTime();
        halt(trader, "first");
        resume(trader, "second");
        await(() -> receiver.deliveredTo("/alive").size() == 2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
        // four timed-out attempts in a row (max-consecutive-failures=4 in tests) disable it, saying why
        await(() -> !get(trader, "/api/notifications/endpoints/" + dead).<Boolean>path("enabled"));
        get(trader, "/api/notifications/endpoints/" + dead).then().body("consecutiveFailures", equalTo(4))
                .body("disabledReason", startsWith("disabled after 4 consecutive failed attempts"));
        halt(trader, "third");
        await(() -> receiver.deliveredTo("/alive").size() == 3);
        receiver.dead("/dead", false);
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .patch("/api/notifications/endpoints/" + dead).then().statusCode(200).body("enabled", equalTo(true))
                .body("consecutiveFailures", equalTo(0)).body("disabledReason", nullValue());
        // what waited for it goes out in order; the one raised while it was disabled was not queued for it
        await(() -> receiver.deliveredTo("/dead").size() == 2);
        assertThat(receiver.deliveredTo("/dead").stream().map(r -> reason(r.body())))
                .containsExactly("first", "second");
    }

    @Test
    void a_backlog_queued_while_the_worker_is_stopped_is_delivered_in_order_after_it_starts_again()
            throws Exception {
        String id = create(trader, "/restart", List.of("risk.kill_switch")).path("endpoint.id");
        worker.stop();
        halt(trader, "a");
        resume(trader, "b");
        halt(trader, "c");
        Thread.sleep(500);
        assertThat(receiver.attemptsAt("/restart")).isZero();
        get(trader, "/api/notifications/endpoints/" + id + "/deliveries").then().body("total", equalTo(3))
                .body("items.status", containsInAnyOrder("pending", "pending", "pending"));
        worker.start();
        await(() -> receiver.deliveredTo("/restart").size() == 3);
        assertThat(receiver.deliveredTo("/restart").stream().map(r -> reason(r.body())))
                .containsExactly("a", "b", "c");
    }

    private Response create(TestUser user, String path, List<String> events) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "receiver " + path, "format", "generic", "url", receiver.url(path), "events",
                        events))
                .post("/api/notifications/endpoints");
    }

    private static Response get(TestUser user, String path) {
        return given().header("Authorization", user.bearer()).get(path);
    }

    private static void halt(TestUser user, String reason) {
        given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/risk/halt").then().statusCode(200);
    }

    private static void resume(TestUser user, String reason) {
        given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/risk/resume").then().statusCode(200);
    }

    private static String reason(String body) {
        try {
            return JSON.readTree(body).path("data").path("reason").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
