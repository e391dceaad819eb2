package io.cryptobot.app.identity.adapter.in.rest;

import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.PASSWORD;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.json;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.login;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.newAddress;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.newSession;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.refresh;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.cryptobot.app.identity.adapter.in.rest.IdentityApi.Session;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminUsersResourceTest {

    private static io.restassured.response.Response patch(TestUser admin, Object id, String body) {
        return json().header("Authorization", admin.bearer()).body(body).patch("/api/admin/users/" + id);
    }

    @Test
    void an_admin_pages_through_users_without_seeing_password_hashes() {
        TestUser admin = TestUsers.create("admin");
        newSession();
        newSession();
        String body = given().header("Authorization", admin.bearer())
                .queryParam("offset", 1).queryParam("limit", 2)
                .get("/api/admin/users")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("offset", equalTo(1))
                .body("limit", equalTo(2))
                .body("total", greaterThanOrEqualTo(3))
                .extract().asString();
        assertThat(body).doesNotContain("password", "not-a-login-user");
    }

    @Test
    void paging_parameters_that_are_not_numbers_in_range_are_reported() {
        TestUser admin = TestUsers.create("admin");
        given().header("Authorization", admin.bearer())
                .queryParam("offset", "abc").queryParam("limit", 0)
                .get("/api/admin/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("offset", "limit")));
    }

    @Test
    void changing_the_role_ends_old_tokens_and_new_logins_carry_the_new_role() {
        TestUser admin = TestUsers.create("admin");
        Session trader = newSession();
        patch(admin, trader.id(), "{\"role\":\"viewer\"}")
                .then().statusCode(200).body("role", equalTo("viewer")).body("enabled", equalTo(true));

        given().header("Authorization", trader.bearer()).get("/api/me")
                .then().statusCode(401).contentType("application/problem+json");
        String fresh = login(trader.email(), PASSWORD, newAddress()).then().statusCode(200).extract()
                .path("accessToken");
        given().header("Authorization", "Bearer " + fresh).get("/api/me")
                .then().statusCode(200).body("role", equalTo("viewer"));
        // The session survives a role change: a refresh yields tokens with the new role.
        String refreshed = refresh(trader.refreshToken()).then().statusCode(200).extract().path("accessToken");
        given().header("Authorization", "Bearer " + refreshed).get("/api/me")
                .then().statusCode(200).body("role", equalTo("viewer"));
    }

    @Test
    void disabling_ends_access_tokens_refresh_tokens_and_logins_at_once() {
        TestUser admin = TestUsers.create("admin");
        Session trader = newSession();
        given().header("Authorization", trader.bearer()).get("/api/me").then().statusCode(200);

        patch(admin, trader.id(), "{\"enabled\":false}").then().statusCode(200).body("enabled", equalTo(false));

        given().header("Authorization", trader.bearer()).get("/api/me")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        refresh(trader.refreshToken()).then().statusCode(401);
        login(trader.email(), PASSWORD, newAddress()).then().statusCode(401)
                .body("code", equalTo("identity.credentials.invalid"));
    }

    @Test
    void a_re_enabled_user_can_log_in_again() {
        TestUser admin = TestUsers.create("admin");
        Session trader = newSession();
        patch(admin, trader.id(), "{\"enabled\":false}").then().statusCode(200);
        patch(admin, trader.id(), "{\"enabled\":true}").then().statusCode(200).body("enabled", equalTo(true));
        String token = login(trader.email(), PASSWORD, newAddress()).then().statusCode(200).extract()
                .path("accessToken");
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200);
    }

    @Test
    void patching_an_unknown_user_is_not_found() {
        TestUser admin = TestUsers.create("admin");
        patch(admin, UUID.randomUUID(), "{\"role\":\"viewer\"}").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("identity.user.not_found"));
        patch(admin, "not-a-uuid", "{\"role\":\"viewer\"}").then().statusCode(404);
    }

    @Test
    void an_unknown_role_or_an_empty_change_is_invalid() {
        TestUser admin = TestUsers.create("admin");
        TestUser trader = TestUsers.create("trader");
        patch(admin, trader.id(), "{\"role\":\"superuser\"}").then().statusCode(400)
                .body("errors.field", hasItem("role"));
        patch(admin, trader.id(), "{}").then().statusCode(400).body("errors.field", hasItem("body"));
    }

    @Test
    void an_admin_cannot_demote_or_disable_themself() {
        TestUser admin = TestUsers.create("admin");
        patch(admin, admin.id(), "{\"enabled\":false}").then().statusCode(422)
                .body("code", equalTo("identity.user.self_lockout"));
        given().header("Authorization", admin.bearer()).get("/api/me").then().statusCode(200)
                .body("role", equalTo("admin"));
    }

    @Test
    void malformed_json_is_a_problem_and_changes_nothing() {
        TestUser admin = TestUsers.create("admin");
        TestUser trader = TestUsers.create("trader");
        patch(admin, trader.id(), "{\"role\":\"viewer\", \"enabled\": fal").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("request.malformed"));
        patch(admin, trader.id(), "{\"role\":\"viewer\", \"enabled\":\"maybe\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("enabled"));

        given().header("Authorization", trader.bearer()).get("/api/me")
                .then().statusCode(200).body("role", equalTo("trader")).body("enabled", equalTo(true));
    }

    @Test
    void viewers_and_traders_are_forbidden_from_admin_endpoints() {
        for (String role : List.of("viewer", "trader")) {
            TestUser user = TestUsers.create(role);
            given().header("Authorization", user.bearer()).get("/api/admin/users")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("code", equalTo("auth.forbidden"));
            json().header("Authorization", user.bearer()).body(Map.of("role", "admin"))
                    .patch("/api/admin/users/" + user.id())
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }
}
