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

import io.cryptobot.app.identity.adapter.in.rest.IdentityApi.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An ended session (logout, refresh-token reuse) ends its access tokens at once, on every operation the API
 * documents, while the same user's other sessions keep working.
 */
@QuarkusTest
class SessionRevocationTest {

    /**
     * Every operation of the OpenAPI document outside /api/auth, path parameters filled with fresh ids, with the
     * media type of its request body (so the request reaches the security check rather than a 415).
     */
    @SuppressWarnings("unchecked")
    private static List<String[]> protectedOperations() {
        JsonPath openApi = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        List<String[]> operations = new ArrayList<>();
        paths.forEach((path, methods) -> {
            if (!path.startsWith("/api/") || path.startsWith("/api/auth/")) {
                return;
            }
            String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            methods.forEach((method, operation) -> {
                if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    Object body = ((Map<String, Object>) operation).get("requestBody");
                    String type = body == null ? "application/json"
                            : ((Map<String, Object>) ((Map<String, Object>) body).get("content")).keySet().iterator()
                                    .next();
                    operations.add(new String[] {method, concrete, type});
                }
            });
        });
        return operations;
    }

    private static Response call(String bearer, String method, String path, String type) {
        var request = given().header("Authorization", bearer);
        if (!method.equals("get") && !method.equals("delete")) {
            request = type.startsWith("multipart/")
                    ? request.multiPart("file", "candles.csv", "open_time,open\n".getBytes())
                    : request.contentType(type).body("{}");
        }
        return switch (method) {
            case "get" -> request.get(path);
            case "post" -> request.post(path);
            case "put" -> request.put(path);
            case "patch" -> request.patch(path);
            default -> request.delete(path);
        };
    }

    private static void assertEveryOperationRefuses(String bearer) {
        List<String[]> operations = protectedOperations();
        assertThat(operations).hasSizeGreaterThan(30);
        List<String> accepted = new ArrayList<>();
        for (String[] operation : operations) {
            Response response = call(bearer, operation[0], operation[1], operation[2]);
            if (response.statusCode() != 401
                    || !response.contentType().startsWith("application/problem+json")) {
                accepted.add(operation[0] + " " + operation[1] + " -> " + response.statusCode());
            }
        }
        assertThat(accepted).as("operations not refused with 401 problem+json").isEmpty();
    }

    private static void logOut(Session session) {
        json().body(Map.of("refreshToken", session.refreshToken())).post("/api/auth/logout").then().statusCode(204);
    }

    private static Response me(String bearer) {
        return given().header("Authorization", bearer).get("/api/me");
    }

    @Test
    void after_logout_every_operation_refuses_the_old_access_token_at_once() {
        Session session = newSession();
        me(session.bearer()).then().statusCode(200);

        logOut(session);

        me(session.bearer()).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        assertEveryOperationRefuses(session.bearer());
    }

    @Test
    void refresh_token_reuse_ends_every_access_token_of_the_family_at_once() {
        Session session = newSession();
        JsonPath rotated = refresh(session.refreshToken()).then().statusCode(200).extract().jsonPath();
        String successorBearer = "Bearer " + rotated.getString("accessToken");
        me(successorBearer).then().statusCode(200);

        refresh(session.refreshToken()).then().statusCode(401);

        me(session.bearer()).then().statusCode(401).contentType("application/problem+json");
        me(successorBearer).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", successorBearer).get("/api/orders").then().statusCode(401);
    }

    @Test
    void ending_one_session_leaves_the_users_other_sessions_working() {
        Session first = newSession();
        String other = login(first.email(), PASSWORD, newAddress()).then().statusCode(200).extract()
                .path("accessToken");

        logOut(first);

        me(first.bearer()).then().statusCode(401);
        me("Bearer " + other).then().statusCode(200).body("id", equalTo(first.id().toString()));
        given().header("Authorization", "Bearer " + other).get("/api/orders").then().statusCode(200);
    }

    @Test
    void logout_ends_the_streams_the_session_opened_and_only_those() throws Exception {
        Session session = newSession();
        String other = "Bearer " + login(session.email(), PASSWORD, newAddress()).then().statusCode(200).extract()
                .path("accessToken");
        java.util.concurrent.CountDownLatch ended = openStream(session.bearer());
        java.util.concurrent.CountDownLatch otherEnded = openStream(other);

        logOut(session);

        assertThat(ended.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("the session's stream ended").isTrue();
        assertThat(otherEnded.await(500, java.util.concurrent.TimeUnit.MILLISECONDS))
                .as("the other session's stream is still open").isFalse();
    }

    /** Opens the order stream; the latch opens when the server ends it. */
    private static java.util.concurrent.CountDownLatch openStream(String bearer) throws Exception {
        java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = java.net.http.HttpClient.newHttpClient()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                                + io.restassured.RestAssured.port + "/api/orders/stream"))
                        .header("Authorization", bearer).header("Accept", "text/event-stream").build(),
                        java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                stream.body().forEach(line -> { });
            } catch (RuntimeException closed) {
                // a closed connection ends the lines with an exception
            } finally {
                ended.countDown();
            }
        });
        return ended;
    }

    @Test
    void a_refresh_after_the_family_was_revoked_gives_nothing() {
        Session session = newSession();
        logOut(session);
        refresh(session.refreshToken()).then().statusCode(401).body("code", equalTo("identity.refresh_token.invalid"));
    }
}
