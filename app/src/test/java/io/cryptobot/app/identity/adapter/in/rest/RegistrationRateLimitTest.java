package io.cryptobot.app.identity.adapter.in.rest;

import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.PASSWORD;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.json;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.newAddress;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Uses the configured limit (10 sign-ups per address per hour). */
@QuarkusTest
class RegistrationRateLimitTest {

    private static Response registerFrom(String address, String email) {
        return json().header("X-Forwarded-For", address)
                .body(Map.of("email", email, "password", PASSWORD)).post("/api/auth/register");
    }

    @Test
    void sign_ups_from_one_address_are_limited_and_other_addresses_are_not() {
        int allowed = ConfigProvider.getConfig().getValue("cryptobot.auth.register.max-per-address", Integer.class);
        String address = newAddress();
        for (int i = 0; i < allowed; i++) {
            registerFrom(address, newEmail()).then().statusCode(201);
        }
        String refused = newEmail();
        String retryAfter = registerFrom(address, refused).then().statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("identity.register.rate_limited"))
                .extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 3600);
        // nothing was created for the refused attempt: the same address may register from elsewhere
        registerFrom(newAddress(), refused).then().statusCode(201);
    }
}
