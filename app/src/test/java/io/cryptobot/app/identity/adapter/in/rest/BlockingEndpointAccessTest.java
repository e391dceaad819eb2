package io.cryptobot.app.identity.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** Other contexts have blocking (worker-thread) endpoints; the account check must work for them too. */
@QuarkusTest
class BlockingEndpointAccessTest {

    @Path("/api/test-support/blocking-read")
    public static class BlockingReadResource {
        @Inject
        SecurityIdentity caller;

        @GET
        @RolesAllowed("viewer")
        public String read() {
            return caller.getPrincipal().getName();
        }
    }

    @Test
    void a_blocking_endpoint_sees_the_caller_and_inherited_roles() {
        TestUser trader = TestUsers.create("trader");
        given().header("Authorization", trader.bearer()).get("/api/test-support/blocking-read")
                .then().statusCode(200).body(equalTo(trader.id().toString()));
    }

    @Test
    void a_blocking_endpoint_refuses_a_token_of_an_unknown_account() {
        given().header("Authorization", "Bearer " + TestUsers.tokenFor(java.util.UUID.randomUUID(), "x@test.local",
                        "viewer"))
                .get("/api/test-support/blocking-read")
                .then().statusCode(401).header("Content-Type", equalTo("application/problem+json"));
    }
}
