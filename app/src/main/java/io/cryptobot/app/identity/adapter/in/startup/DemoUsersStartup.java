package io.cryptobot.app.identity.adapter.in.startup;

import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersCommand;
import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersCommand.DemoUser;
import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersUseCase;
import io.cryptobot.app.identity.domain.Email;
import io.cryptobot.app.identity.domain.PlainPassword;
import io.cryptobot.app.identity.domain.Role;
import io.cryptobot.app.identity.domain.User;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes a fresh installation usable at once: a demo trader and an admin, created if absent. Their credentials
 * are logged on purpose (they are configured demo values, not user secrets); turn this off in production with
 * {@code cryptobot.demo.enabled=false}.
 */
@ApplicationScoped
class DemoUsersStartup {
    static final String DEMO_EMAIL = "demo@cryptobot.local";
    static final String ADMIN_EMAIL = "admin@cryptobot.local";
    private static final Logger LOG = Logger.getLogger(DemoUsersStartup.class);

    private final EnsureDemoUsersUseCase ensureDemoUsers;
    private final boolean enabled;
    private final String demoPassword;
    private final String adminPassword;
    private final int port;

    DemoUsersStartup(EnsureDemoUsersUseCase ensureDemoUsers,
                     @ConfigProperty(name = "cryptobot.demo.enabled", defaultValue = "true") boolean enabled,
                     @ConfigProperty(name = "cryptobot.demo.password", defaultValue = "demo-password-123")
                     String demoPassword,
                     @ConfigProperty(name = "cryptobot.demo.admin-password", defaultValue = "admin-password-123")
                     String adminPassword,
                     @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.ensureDemoUsers = ensureDemoUsers;
        this.enabled = enabled;
        this.demoPassword = demoPassword;
        this.adminPassword = adminPassword;
        this.port = port;
    }

    void onStart(@Observes StartupEvent started) throws Throwable {
        if (!enabled) {
            return;
        }
        EnsureDemoUsersCommand command = new EnsureDemoUsersCommand(List.of(
                new DemoUser(new Email(DEMO_EMAIL), new PlainPassword(demoPassword), Role.TRADER),
                new DemoUser(new Email(ADMIN_EMAIL), new PlainPassword(adminPassword), Role.ADMIN)));
        List<User> users = VertxContextSupport.subscribeAndAwait(() -> ensureDemoUsers.ensure(command));
        LOG.infof("""
                
                ----------------------------------------------------------------
                 cryptobot is ready. API docs: http://localhost:%d/q/swagger-ui
                 Demo accounts (cryptobot.demo.enabled=true):
                   %-7s %s / %s
                   %-7s %s / %s
                 Passwords are the configured demo values at the time each
                 account was first created.
                ----------------------------------------------------------------""",
                port, users.get(0).role().code(), DEMO_EMAIL, demoPassword,
                users.get(1).role().code(), ADMIN_EMAIL, adminPassword);
    }
}
