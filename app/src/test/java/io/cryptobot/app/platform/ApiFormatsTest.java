package io.cryptobot.app.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * One format everywhere, as the served OpenAPI document declares it (see {@link ApiFormatRules}): times as ISO-8601
 * strings, non-integers as decimal strings, every value typed, every list answered as a page.
 */
@QuarkusTest
class ApiFormatsTest {
    @Test
    void every_body_keeps_the_api_formats() throws Exception {
        String json = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        assertThat(ApiFormatRules.offenses(new ObjectMapper().readTree(json)))
                .as("values breaking the API's formats").isEmpty();
    }
}
