package io.cryptobot.app.identity.adapter.in.startup;

import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersCommand;
import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersCommand.DemoUser;
import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersUseCase;
import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersUseCase.Ensured;
import io.cryptobot.app.identity.domain.Email;
import io.cryptobot.app.identity.domain.PlainPassword;
import io.cryptobot.app.identity.domain.Role;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes a fresh installation usable at once: a demo trader and an admin, created if absent. No credential ships
 * with the platform: each account gets a random password when it is created, printed in that start's log and
 * never again (only its hash is kept); later starts name the accounts without a password. An operator may set
 * {@code cryptobot.demo.password} / {@code cryptobot.demo.admin-password} instead; those are never printed.
 * Turn the accounts off with {@code cryptobot.demo.enabled=false}. The accounts are named in the "ready" banner,
 * printed once the HTTP server listens.
 */
@ApplicationScoped
class DemoUsersStartup {
    static final String DEMO_EMAIL = "demo@cryptobot.local";
    static final String ADMIN_EMAIL = "admin@cryptobot.local";
    private static final Logger LOG = Logger.getLogger(DemoUsersStartup.class);
    private static final int PASSWORD_BYTES = 18;

    private final EnsureDemoUsersUseCase ensureDemoUsers;
    private final boolean enabled;
    private final Optional<String> demoPassword;
    private final Optional<String> adminPassword;
    private final SecureRandom random = new SecureRandom();
    /** The accounts part of the banner, set at start-up, printed once serving. */
    private volatile String accounts = "";

    DemoUsersStartup(EnsureDemoUsersUseCase ensureDemoUsers,
                     @ConfigProperty(name = "cryptobot.demo.enabled", defaultValue = "true") boolean enabled,
                     @ConfigProperty(name = "cryptobot.demo.password") Optional<String> demoPassword,
                     @ConfigProperty(name = "cryptobot.demo.admin-password") Optional<String> adminPassword) {
        this.ensureDemoUsers = ensureDemoUsers;
        this.enabled = enabled;
        this.demoPassword = demoPassword.filter(p -> !p.isEmpty());
        this.adminPassword = adminPassword.filter(p -> !p.isEmpty());
    }

    void onStart(@Observes StartupEvent started) throws Throwable {
        if (enabled) {
            accounts = ensure(new Email(DEMO_EMAIL), new Email(ADMIN_EMAIL));
        }
    }

    /**
     * The start-up banner, printed once the HTTP server listens (not at {@link StartupEvent}, which comes before
     * the port is bound): "ready" must mean a request can be answered, and a start that fails to bind must not
     * have said it first.
     */
    void onServing(@ObservesAsync HttpServerStart serving) {
        LOG.info(banner(serving.options().getPort(), accounts));
    }

    static String banner(int port, String accounts) {
        String header = """
                
                ----------------------------------------------------------------
                 cryptobot is ready on http://localhost:%d
                 API docs: http://localhost:%d/q/swagger-ui""".formatted(port, port);
        return header + (accounts.isEmpty() ? "" : "\n" + accounts)
                + "\n----------------------------------------------------------------";
    }

    /** Ensures both accounts and returns the text to print: a password only for an account created just now. */
    String ensure(Email trader, Email admin) throws Throwable {
        Credential traderPassword = password(demoPassword, "cryptobot.demo.password");
        Credential adminCredential = password(adminPassword, "cryptobot.demo.admin-password");
        EnsureDemoUsersCommand command = new EnsureDemoUsersCommand(List.of(
                new DemoUser(trader, traderPassword.password(), Role.TRADER),
                new DemoUser(admin, adminCredential.password(), Role.ADMIN)));
        List<Ensured> accounts = VertxContextSupport.subscribeAndAwait(() -> ensureDemoUsers.ensure(command));
        return " Demo accounts (turn off with CRYPTOBOT_DEMO_ENABLED=false):\n   %s\n   %s".formatted(
                line(accounts.get(0), traderPassword), line(accounts.get(1), adminCredential));
    }

    private static String line(Ensured account, Credential credential) {
        String who = "%-7s %s".formatted(account.user().role().code(), account.user().email().value());
        if (!account.createdNow()) {
            return who + "  (created earlier; its password is not shown again)";
        }
        return credential.generated()
                ? who + " / " + credential.password().value() + "  (new; this password is shown only now)"
                : who + "  (new; password from " + credential.setting() + ")";
    }

    private Credential password(Optional<String> configured, String setting) {
        if (configured.isPresent()) {
            return new Credential(new PlainPassword(configured.get()), false, setting);
        }
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        return new Credential(new PlainPassword(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)), true,
                setting);
    }

    private record Credential(PlainPassword password, boolean generated, String setting) {
    }
}
