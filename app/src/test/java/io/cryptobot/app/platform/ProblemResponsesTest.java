package io.cryptobot.app.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.cryptobot.app.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Framework-level errors come out as problem+json with a stable code, like domain errors. */
@QuarkusTest
class ProblemResponsesTest {

    @Test
    void an_unknown_api_route_is_a_not_found_problem() {
        given().header("Authorization", TestUsers.create("viewer").bearer()).get("/api/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("request.not_found"));
    }

    @Test
    void an_unknown_route_without_a_token_is_also_a_not_found_problem() {
        given().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        given().get("/no-such-page").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_wrong_method_is_a_method_not_allowed_problem() {
        given().get("/api/auth/login").then().statusCode(405).contentType("application/problem+json")
                .body("code", equalTo("request.method_not_allowed"));
    }

    @Test
    void a_wrong_content_type_is_an_unsupported_media_type_problem() {
        given().contentType(ContentType.TEXT).body("email=a@b.c").post("/api/auth/login")
                .then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("request.unsupported_media_type"));
    }

    @Test
    void malformed_json_is_a_bad_request_problem_without_internals() {
        given().contentType(ContentType.JSON).body("{\"email\": ").post("/api/auth/register")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("request.malformed"))
                .body(not(containsString("jackson")))
                .body(not(containsString("Exception")));
    }

    @Test
    void a_json_value_of_the_wrong_type_names_the_field() {
        given().contentType(ContentType.JSON).body("{\"email\": [1,2], \"password\": \"x\"}")
                .post("/api/auth/login")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"));
    }
}
