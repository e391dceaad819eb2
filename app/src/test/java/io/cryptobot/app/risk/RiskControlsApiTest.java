package io.cryptobot.app.risk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RiskControlsApiTest {
    private final TestUser trader = TestUsers.create("trader");
    private final TestUser other = TestUsers.create("trader");
    private final TestUser viewer = TestUsers.create("viewer");

    @Test
    void the_kill_switch_halts_reduces_and_resumes_with_reasons_and_an_audit_trail() {
        get(trader, "/api/risk/state").then().statusCode(200).body("state", equalTo("active"))
                .body("reason", nullValue());
        post(trader, "/api/risk/halt", Map.of("reason", "exchange outage")).then().statusCode(200)
                .body("state", equalTo("halted")).body("reason", equalTo("exchange outage"));
        post(trader, "/api/risk/halt", Map.of("reason", "again")).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("risk.state_unchanged"));
        post(trader, "/api/risk/reduce-only", Map.of("reason", "unwind")).then().statusCode(200)
                .body("state", equalTo("reducing"));
        post(trader, "/api/risk/resume", Map.of("reason", "all clear")).then().statusCode(200)
                .body("state", equalTo("active"));
        get(trader, "/api/risk/events").then().statusCode(200).body("total", equalTo(3))
                .body("items.to", org.hamcrest.Matchers.contains("active", "reducing", "halted"))
                .body("items.reason", org.hamcrest.Matchers.contains("all clear", "unwind", "exchange outage"));
        // someone else's switch is untouched and their trail empty
        get(other, "/api/risk/state").then().body("state", equalTo("active"));
        get(other, "/api/risk/events").then().body("total", equalTo(0));
    }

    @Test
    void a_change_needs_a_reason_and_a_trader() {
        post(trader, "/api/risk/halt", Map.of("reason", "  ")).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("reason"));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).post("/api/risk/halt")
                .then().statusCode(400);
        post(viewer, "/api/risk/halt", Map.of("reason", "x")).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).post("/api/risk/halt").then().statusCode(401);
        get(trader, "/api/risk/state").then().body("state", equalTo("active"));
        get(trader, "/api/risk/events").then().body("total", equalTo(0));
    }

    @Test
    void limits_are_replaced_whole_validated_field_by_field_and_read_back() {
        get(trader, "/api/risk/limits").then().statusCode(200).body("maxOrderNotional", nullValue());
        Map<String, Object> limits = new HashMap<>();
        limits.put("currency", "USDT");
        limits.put("maxOrderNotional", "2500.50");
        limits.put("maxPositionSharePercent", "25");
        limits.put("maxOpenOrders", "5");
        limits.put("maxDailyLoss", "300");
        limits.put("maxAssetExposurePercent", "40");
        limits.put("maxOrdersPerMinute", "30");
        put(trader, limits).then().statusCode(200).body("maxOrderNotional", equalTo("2500.5"))
                .body("maxAssetExposurePercent", equalTo("40")).body("maxOrdersPerMinute", equalTo("30"))
                .body("maxPositionSharePercent", equalTo("25")).body("currency", equalTo("USDT"));
        get(trader, "/api/risk/limits").then().body("maxOpenOrders", equalTo("5")).body("maxDailyLoss", equalTo("300"))
                .body("maxOrdersPerMinute", equalTo("30"));
        Map<String, Object> bad = new HashMap<>();
        bad.put("maxOrderNotional", "-1");
        bad.put("maxPositionSharePercent", "120");
        bad.put("maxOpenOrders", "zero");
        bad.put("maxDailyLossPercent", "0");
        bad.put("maxOrdersPerMinute", "0");
        put(trader, bad).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("maxOrderNotional", "maxPositionSharePercent",
                        "maxOpenOrders", "maxDailyLossPercent", "maxOrdersPerMinute"));
        get(trader, "/api/risk/limits").then().body("maxOrderNotional", equalTo("2500.5"));
        get(other, "/api/risk/limits").then().body("maxOrderNotional", nullValue());
        given().header("Authorization", viewer.bearer()).contentType(ContentType.JSON).body(limits)
                .put("/api/risk/limits").then().statusCode(403);
    }

    static Response post(TestUser user, String path, Map<String, ?> body) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(body).post(path);
    }

    static Response put(TestUser user, Map<String, ?> body) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(body)
                .put("/api/risk/limits");
    }

    static Response get(TestUser user, String path) {
        return given().header("Authorization", user.bearer()).get(path);
    }
}
