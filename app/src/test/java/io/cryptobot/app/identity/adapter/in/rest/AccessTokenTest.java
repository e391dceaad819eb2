package io.cryptobot.app.identity.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Which access tokens open a protected endpoint; every refusal is a 401 problem with a Bearer challenge. */
@QuarkusTest
class AccessTokenTest {

    private static JwtClaimsBuilder claimsFor(TestUser user) {
        return Jwt.issuer(ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class))
                .subject(user.id().toString()).upn(user.id().toString())
                .groups(Set.of(user.role())).claim("email", user.email()).claim("sid", UUID.randomUUID().toString());
    }

    private static ValidatableResponse me(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/me").then();
    }

    private static void assertUnauthenticated(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void a_token_from_the_test_helper_is_accepted() {
        TestUser viewer = TestUsers.create("viewer");
        me(viewer.token()).statusCode(200).body("id", equalTo(viewer.id().toString()));
    }

    @Test
    void no_token_is_unauthenticated() {
        assertUnauthenticated(given().get("/api/me").then());
        assertUnauthenticated(given().get("/api/admin/users").then());
    }

    @Test
    void an_expired_token_is_refused() {
        TestUser user = TestUsers.create("trader");
        Instant past = Instant.now().minusSeconds(3600);
        assertUnauthenticated(me(claimsFor(user).issuedAt(past).expiresAt(past.plusSeconds(900)).sign()));
    }

    @Test
    void a_token_signed_with_another_key_is_refused() throws Exception {
        TestUser user = TestUsers.create("trader");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = claimsFor(user).issuedAt(Instant.now()).expiresIn(900)
                .sign(generator.generateKeyPair().getPrivate());
        assertUnauthenticated(me(forged));
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        TestUser user = TestUsers.create("trader");
        String foreign = Jwt.issuer("https://elsewhere.example").subject(user.id().toString())
                .upn(user.id().toString()).groups(Set.of("trader")).issuedAt(Instant.now()).expiresIn(900).sign();
        assertUnauthenticated(me(foreign));
    }

    @Test
    void a_token_for_an_unknown_account_is_refused() {
        assertUnauthenticated(me(TestUsers.tokenFor(UUID.randomUUID(), "ghost@test.local", "admin")));
    }

    @Test
    void a_token_claiming_a_role_the_account_does_not_have_is_refused() {
        TestUser viewer = TestUsers.create("viewer");
        assertUnauthenticated(me(TestUsers.tokenFor(viewer.id(), viewer.email(), "admin")));
    }

    @Test
    void a_token_issued_before_the_account_ended_its_sessions_is_refused() {
        TestUser user = TestUsers.create("trader");
        // TestUsers sets tokens-valid-after one minute in the past.
        Instant before = Instant.now().minusSeconds(120);
        assertUnauthenticated(me(claimsFor(user).issuedAt(before).expiresAt(Instant.now().plusSeconds(600))
                .sign()));
    }

    @Test
    void a_token_without_a_session_id_is_refused() {
        // Tokens signed before sessions could be ended carry no sid: refused, the client refreshes once.
        TestUser user = TestUsers.create("trader");
        String withoutSession = Jwt.issuer(ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class))
                .subject(user.id().toString()).upn(user.id().toString()).groups(Set.of(user.role()))
                .claim("email", user.email()).issuedAt(Instant.now()).expiresIn(900).sign();
        assertUnauthenticated(me(withoutSession));
        assertUnauthenticated(me(claimsFor(user).claim("sid", "not-a-session").issuedAt(Instant.now())
                .expiresIn(900).sign()));
        me(claimsFor(user).issuedAt(Instant.now()).expiresIn(900).sign()).statusCode(200);
    }

    @Test
    void an_admin_also_holds_the_roles_below_it() {
        TestUser admin = TestUsers.create("admin");
        me(admin.token()).statusCode(200).body("role", equalTo("admin"));
        given().header("Authorization", admin.bearer()).get("/api/admin/users").then().statusCode(200);
    }
}
