package io.cryptobot.app.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnexpectedErrorTest {

    /** Exists only in tests: fails the way a bug does. */
    @Path("/test-support/failing")
    public static class FailingResource {
        @GET
        public String fail() {
            throw new IllegalStateException("secret internal detail in io.cryptobot.Something");
        }
    }

    @Test
    void a_bug_is_a_generic_500_problem_with_an_incident_id_and_no_internals() {
        Response response = given().get("/test-support/failing");
        response.then().statusCode(500).contentType("application/problem+json")
                .body("code", equalTo("server.unexpected"));
        String incident = response.header("X-Incident-Id");
        assertThat(incident).isNotBlank();
        assertThat(response.asString()).contains(incident)
                .doesNotContain("IllegalStateException", "secret internal detail", "io.cryptobot", "at ");
    }
}
