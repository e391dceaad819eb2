package io.cryptobot.app.identity.adapter.in.rest;

import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.PASSWORD;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.login;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.newAddress;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.newEmail;
import static io.cryptobot.app.identity.adapter.in.rest.IdentityApi.register;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Uses the configured limits (5 failures per account per 15 min, 20 attempts per address per minute). */
@QuarkusTest
class LoginRateLimitTest {

    private static int setting(String name) {
        return ConfigProvider.getConfig().getValue("cryptobot.auth.login." + name, Integer.class);
    }

    private static void assertLimited(ValidatableResponse response, int maxRetryAfter) {
        response.statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("identity.login.rate_limited"))
                .header("Retry-After", value -> {
                    int seconds = Integer.parseInt(value);
                    if (seconds < 1 || seconds > maxRetryAfter) {
                        throw new AssertionError("Retry-After out of range: " + value);
                    }
                    return true;
                }, equalTo(true));
    }

    @Test
    void an_account_is_locked_after_too_many_failures_even_for_the_right_password() {
        String email = newEmail();
        register(email, PASSWORD).then().statusCode(201);
        for (int i = 0; i < setting("max-failures-per-account"); i++) {
            login(email, "wrong password " + i, newAddress()).then().statusCode(401);
        }
        assertLimited(login(email, PASSWORD, newAddress()).then(), 15 * 60);
    }

    @Test
    void a_successful_login_clears_the_account_failures() {
        String email = newEmail();
        register(email, PASSWORD).then().statusCode(201);
        int allowed = setting("max-failures-per-account");
        for (int i = 0; i < allowed - 1; i++) {
            login(email, "wrong password " + i, newAddress()).then().statusCode(401);
        }
        login(email, PASSWORD, newAddress()).then().statusCode(200);
        for (int i = 0; i < allowed - 1; i++) {
            login(email, "wrong password " + i, newAddress()).then().statusCode(401);
        }
        login(email, PASSWORD, newAddress()).then().statusCode(200);
    }

    @Test
    void an_address_is_limited_across_accounts() {
        String address = newAddress();
        for (int i = 0; i < setting("max-attempts-per-address"); i++) {
            login(newEmail(), PASSWORD, address).then().statusCode(401);
        }
        assertLimited(login(newEmail(), PASSWORD, address).then(), 60);
        // Another address is unaffected.
        login(newEmail(), PASSWORD, newAddress()).then().statusCode(401);
    }
}
