package io.cryptobot.app.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Over-long request lines and header blocks are answered with problem+json, not an empty body. */
@QuarkusTest
class RequestSizeLimitsTest {

    @Test
    void a_too_long_uri_is_a_414_problem() {
        given().get("/api/me?x=" + "a".repeat(9_000)).then().statusCode(414)
                .contentType("application/problem+json").body("code", equalTo("request.uri_too_long"))
                .body("status", equalTo(414));
    }

    @Test
    void too_large_headers_are_a_431_problem() {
        given().header("X-Padding", "a".repeat(21_000)).get("/api/me").then().statusCode(431)
                .contentType("application/problem+json").body("code", equalTo("request.headers_too_large"));
    }

    @Test
    void requests_within_the_limits_pass() {
        given().get("/api/me?x=" + "a".repeat(4_000)).then().statusCode(401);
    }
}
