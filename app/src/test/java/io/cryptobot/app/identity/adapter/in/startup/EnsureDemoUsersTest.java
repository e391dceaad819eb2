package io.cryptobot.app.identity.adapter.in.startup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersCommand;
import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersCommand.DemoUser;
import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersUseCase;
import io.cryptobot.app.identity.domain.Email;
import io.cryptobot.app.identity.domain.PlainPassword;
import io.cryptobot.app.identity.domain.Role;
import io.cryptobot.app.identity.domain.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Start-up code runs the use case at every start; it must create once and then leave accounts alone. */
@QuarkusTest
class EnsureDemoUsersTest {

    @Inject
    EnsureDemoUsersUseCase ensureDemoUsers;

    @Test
    void creates_missing_accounts_once_and_keeps_them_across_restarts() throws Throwable {
        String suffix = UUID.randomUUID().toString();
        Email trader = new Email("demo-" + suffix + "@cryptobot.local");
        Email admin = new Email("admin-" + suffix + "@cryptobot.local");
        EnsureDemoUsersCommand command = new EnsureDemoUsersCommand(List.of(
                new DemoUser(trader, new PlainPassword("demo-password-123"), Role.TRADER),
                new DemoUser(admin, new PlainPassword("admin-password-123"), Role.ADMIN)));

        List<User> first = VertxContextSupport.subscribeAndAwait(() -> ensureDemoUsers.ensure(command));
        EnsureDemoUsersCommand changedPassword = new EnsureDemoUsersCommand(List.of(
                new DemoUser(trader, new PlainPassword("another-password"), Role.VIEWER)));
        List<User> second = VertxContextSupport.subscribeAndAwait(() -> ensureDemoUsers.ensure(changedPassword));

        assertThat(first).extracting(User::role).containsExactly(Role.TRADER, Role.ADMIN);
        assertThat(second.get(0).id()).isEqualTo(first.get(0).id());
        assertThat(second.get(0).role()).isEqualTo(Role.TRADER);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.99.0." + (1 + (int) (Math.random() * 250)))
                .body(Map.of("email", admin.value(), "password", "admin-password-123"))
                .post("/api/auth/login").then().statusCode(200);
    }
}
