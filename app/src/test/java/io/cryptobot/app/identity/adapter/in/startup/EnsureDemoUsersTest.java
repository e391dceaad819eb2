package io.cryptobot.app.identity.adapter.in.startup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersCommand;
import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersCommand.DemoUser;
import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersUseCase;
import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersUseCase.Ensured;
import io.cryptobot.app.identity.domain.Email;
import io.cryptobot.app.identity.domain.PlainPassword;
import io.cryptobot.app.identity.domain.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Start-up code runs the use case at every start; it must create once and then leave accounts alone. */
@QuarkusTest
class EnsureDemoUsersTest {
    private static final Pattern SHOWN = Pattern.compile("(\\S+@cryptobot\\.local) / (\\S+)");

    @Inject
    EnsureDemoUsersUseCase ensureDemoUsers;

    @Test
    void creates_missing_accounts_once_and_keeps_them_across_restarts() throws Throwable {
        String suffix = UUID.randomUUID().toString();
        Email trader = new Email("demo-" + suffix + "@cryptobot.local");
        Email admin = new Email("admin-" + suffix + "@cryptobot.local");
        EnsureDemoUsersCommand command = new EnsureDemoUsersCommand(List.of(
                new DemoUser(trader, new PlainPassword("first-password-1"), Role.TRADER),
                new DemoUser(admin, new PlainPassword("first-password-2"), Role.ADMIN)));

        List<Ensured> first = VertxContextSupport.subscribeAndAwait(() -> ensureDemoUsers.ensure(command));
        EnsureDemoUsersCommand changedPassword = new EnsureDemoUsersCommand(List.of(
                new DemoUser(trader, new PlainPassword("another-password"), Role.VIEWER)));
        List<Ensured> second = VertxContextSupport.subscribeAndAwait(() -> ensureDemoUsers.ensure(changedPassword));

        assertThat(first).extracting(e -> e.user().role()).containsExactly(Role.TRADER, Role.ADMIN);
        assertThat(first).allMatch(Ensured::createdNow);
        assertThat(second.get(0).createdNow()).isFalse();
        assertThat(second.get(0).user().id()).isEqualTo(first.get(0).user().id());
        assertThat(second.get(0).user().role()).isEqualTo(Role.TRADER);
        logIn(admin.value(), "first-password-2", 200);
    }

    @Test
    void a_fresh_start_gives_each_demo_account_a_random_password_printed_once() throws Throwable {
        String suffix = UUID.randomUUID().toString();
        Email trader = new Email("demo-" + suffix + "@cryptobot.local");
        Email admin = new Email("admin-" + suffix + "@cryptobot.local");
        DemoUsersStartup startup = new DemoUsersStartup(ensureDemoUsers, true, Optional.empty(), Optional.empty());

        String firstStart = startup.ensure(trader, admin);
        String secondStart = startup.ensure(trader, admin);

        Map<String, String> shown = shownPasswords(firstStart);
        assertThat(shown).containsOnlyKeys(trader.value(), admin.value());
        assertThat(shown.values()).doesNotContain("demo-password-123", "admin-password-123")
                .allMatch(password -> password.length() >= 20).doesNotHaveDuplicates();
        logIn(admin.value(), shown.get(admin.value()), 200);
        logIn(trader.value(), shown.get(trader.value()), 200);
        assertThat(shownPasswords(secondStart)).isEmpty();
        assertThat(secondStart).contains(trader.value(), admin.value()).doesNotContain(shown.values());

        // another installation gets other passwords
        Email otherAdmin = new Email("admin-" + UUID.randomUUID() + "@cryptobot.local");
        Email otherTrader = new Email("demo-" + UUID.randomUUID() + "@cryptobot.local");
        assertThat(shownPasswords(startup.ensure(otherTrader, otherAdmin)).values()).doesNotContainAnyElementsOf(
                shown.values());
    }

    @Test
    void a_configured_password_is_used_and_never_printed() throws Throwable {
        Email trader = new Email("demo-" + UUID.randomUUID() + "@cryptobot.local");
        Email admin = new Email("admin-" + UUID.randomUUID() + "@cryptobot.local");
        DemoUsersStartup startup = new DemoUsersStartup(ensureDemoUsers, true, Optional.of("operator-chosen-1"),
                Optional.empty());

        String printed = startup.ensure(trader, admin);

        assertThat(printed).doesNotContain("operator-chosen-1").contains("cryptobot.demo.password");
        logIn(trader.value(), "operator-chosen-1", 200);
    }

    private static Map<String, String> shownPasswords(String printed) {
        Map<String, String> shown = new java.util.HashMap<>();
        Matcher matcher = SHOWN.matcher(printed);
        while (matcher.find()) {
            shown.put(matcher.group(1), matcher.group(2));
        }
        return shown;
    }

    private static void logIn(String email, String password, int expected) {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.99.0." + (1 + (int) (Math.random() * 250)))
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login").then().statusCode(expected);
    }
}
