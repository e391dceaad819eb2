package io.cryptobot.app.identity.adapter.out.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.kernel.domain.Clock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a restart sees: the revocations read back from the store by a fresh adapter. */
@QuarkusTest
class RevokedSessionsRestartTest {
    @Inject
    RevokedSessionRepository rows;

    @Inject
    Clock clock;

    /** A real login; returns the refresh token and the session id its access token names. */
    private static String[] login() {
        String email = "restart-" + UUID.randomUUID() + "@example.test";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse battery"))
                .post("/api/auth/register").then().statusCode(201);
        String address = "10.9." + java.util.concurrent.ThreadLocalRandom.current().nextInt(250) + ".7";
        JsonPath tokens = given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("email", email, "password", "correct horse battery"))
                .post("/api/auth/login").then().statusCode(200).extract().jsonPath();
        String payload = new String(Base64.getUrlDecoder().decode(tokens.getString("accessToken").split("\\.")[1]),
                StandardCharsets.UTF_8);
        return new String[] {tokens.getString("refreshToken"), JsonPath.from(payload).getString("sid")};
    }

    @Test
    void a_fresh_adapter_reads_back_the_ended_sessions_and_no_others() throws Throwable {
        String[] ended = login();
        String[] open = login();
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", ended[0])).post("/api/auth/logout")
                .then().statusCode(204);

        RevokedSessionsAdapter restarted = new RevokedSessionsAdapter(rows, clock);
        TokenFamilyId endedSession = new TokenFamilyId(UUID.fromString(ended[1]));
        TokenFamilyId openSession = new TokenFamilyId(UUID.fromString(open[1]));
        // before its store was read, it refuses every session rather than accept an ended one
        assertThat(restarted.isRevoked(openSession)).isTrue();

        VertxContextSupport.subscribeAndAwait(restarted::load);

        assertThat(restarted.isRevoked(endedSession)).isTrue();
        assertThat(restarted.isRevoked(openSession)).isFalse();
    }
}
