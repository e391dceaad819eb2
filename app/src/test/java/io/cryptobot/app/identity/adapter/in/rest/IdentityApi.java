package io.cryptobot.app.identity.adapter.in.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Drives the identity API the way a client does. Every helper that logs in sends its own client address
 * (tests trust X-Forwarded-For), so per-address rate limits of one test never affect another.
 */
final class IdentityApi {
    static final String PASSWORD = "correct horse battery";

    private IdentityApi() {
    }

    static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.test";
    }

    static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A client of its own address, so per-address sign-up limits of one test never affect another. */
    static RequestSpecification fromNewAddress() {
        return json().header("X-Forwarded-For", newAddress());
    }

    static Response register(String email, String password) {
        return fromNewAddress().body(Map.of("email", email, "password", password)).post("/api/auth/register");
    }

    static Response login(String email, String password, String address) {
        return json().header("X-Forwarded-For", address)
                .body(Map.of("email", email, "password", password)).post("/api/auth/login");
    }

    static Response refresh(String refreshToken) {
        return json().body(Map.of("refreshToken", refreshToken)).post("/api/auth/refresh");
    }

    /** A registered trader with a fresh session. */
    static Session newSession() {
        String email = newEmail();
        String id = register(email, PASSWORD).then().statusCode(201).extract().path("id");
        Response tokens = login(email, PASSWORD, newAddress()).then().statusCode(200).extract().response();
        return new Session(UUID.fromString(id), email, tokens.path("accessToken"), tokens.path("refreshToken"));
    }

    record Session(UUID id, String email, String accessToken, String refreshToken) {
        String bearer() {
            return "Bearer " + accessToken;
        }
    }
}
