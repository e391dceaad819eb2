package io.cryptobot.app.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

    @Test
    void reports_up_with_a_live_database_connection() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void serves_prometheus_metrics_without_a_token() {
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void serves_the_openapi_document_without_a_token() {
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
