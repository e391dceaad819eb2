package io.cryptobot.app.identity.adapter.in.rest;

import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.PASSWORD;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.fromNewAddress;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.json;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.login;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.newAddress;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.newEmail;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.newSession;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.refresh;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.cryptobot.app.identity.adapter.in.rest.IdentityApi.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthResourceTest {

    @Inject
    JWTParser parser;

    @Test
    void registering_creates_a_trader_and_never_shows_the_password_hash() {
        String email = newEmail();
        String body = fromNewAddress().body(Map.of("email", email.toUpperCase(), "password", PASSWORD, "displayName", " Ada "))
                .post("/api/auth/register")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("email", equalTo(email))
                .body("role", equalTo("trader"))
                .body("displayName", equalTo("Ada"))
                .extract().asString();
        assertThat(body).doesNotContain("password", "$2a$", "$2b$", "hash");
    }

    @Test
    void registering_a_taken_email_in_other_case_is_a_conflict() {
        String email = newEmail();
        register(email, PASSWORD).then().statusCode(201);
        register(email.toUpperCase(), PASSWORD).then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("identity.user.email_taken"));
    }

    @Test
    void a_weak_password_and_a_bad_email_are_both_reported() {
        fromNewAddress().body(Map.of("email", "not-an-email", "password", "short"))
                .post("/api/auth/register")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("identity.request.invalid"))
                .body("errors.field", containsInAnyOrder("email", "password"))
                .body("errors.find { it.field == 'password' }.reason", equalTo("must be at least 10 characters"));
    }

    @Test
    void a_password_longer_than_128_characters_is_refused() {
        register(newEmail(), "x".repeat(129)).then().statusCode(400)
                .body("errors.field", hasItem("password"));
    }

    @Test
    void login_returns_a_bearer_pair_whose_access_token_names_the_user() throws Exception {
        String email = newEmail();
        String id = register(email, PASSWORD).then().statusCode(201).extract().path("id");
        JsonPath tokens = login(email.toUpperCase(), PASSWORD, newAddress())
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .extract().jsonPath();

        JsonWebToken jwt = parser.parse(tokens.getString("accessToken"));
        assertThat(jwt.getSubject()).isEqualTo(id);
        assertThat(jwt.getName()).isEqualTo(id);
        assertThat(jwt.getGroups()).containsExactly("trader");
        assertThat((String) jwt.getClaim("email")).isEqualTo(email);
        assertThat(jwt.getExpirationTime() - jwt.getIssuedAtTime()).isEqualTo(900);
        assertThat(Base64.getUrlDecoder().decode(tokens.getString("refreshToken"))).hasSize(32);
    }

    @Test
    void the_access_token_opens_the_profile() {
        Session session = newSession();
        given().header("Authorization", session.bearer()).get("/api/me")
                .then().statusCode(200)
                .body("id", equalTo(session.id().toString()))
                .body("email", equalTo(session.email()))
                .body("role", equalTo("trader"));
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_answer() {
        String email = newEmail();
        register(email, PASSWORD).then().statusCode(201);
        String wrongPassword = login(email, "wrong password!", newAddress())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .extract().asString();
        String unknownEmail = login(newEmail(), PASSWORD, newAddress())
                .then().statusCode(401).extract().asString();
        assertThat(wrongPassword).isEqualTo(unknownEmail).contains("identity.credentials.invalid");
    }

    @Test
    void refreshing_rotates_the_refresh_token_and_issues_a_working_access_token() {
        Session session = newSession();
        JsonPath rotated = refresh(session.refreshToken()).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("refreshToken", not(equalTo(session.refreshToken())))
                .extract().jsonPath();
        given().header("Authorization", "Bearer " + rotated.getString("accessToken")).get("/api/me")
                .then().statusCode(200).body("id", equalTo(session.id().toString()));
        refresh(rotated.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void reusing_a_rotated_refresh_token_revokes_the_whole_family() {
        Session session = newSession();
        String successor = refresh(session.refreshToken()).then().statusCode(200).extract().path("refreshToken");

        refresh(session.refreshToken()).then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("identity.refresh_token.invalid"));
        // The thief might hold the successor; it must be dead too.
        refresh(successor).then().statusCode(401);
    }

    @Test
    void an_unknown_refresh_token_is_refused() {
        refresh(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32])).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void logout_revokes_the_refresh_token_and_is_idempotent() {
        Session session = newSession();
        json().body(Map.of("refreshToken", session.refreshToken())).post("/api/auth/logout")
                .then().statusCode(204);
        json().body(Map.of("refreshToken", session.refreshToken())).post("/api/auth/logout")
                .then().statusCode(204);
        refresh(session.refreshToken()).then().statusCode(401);
    }

    @Test
    void a_refresh_request_without_token_lists_the_field() {
        json().body(Map.of()).post("/api/auth/refresh").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("refreshToken"));
    }
}
