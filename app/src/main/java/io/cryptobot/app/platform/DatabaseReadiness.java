package io.cryptobot.app.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness check {@code database}: down, with the reason, while the embedded server is restarting or the API sees an outage. */
@Readiness
@ApplicationScoped
class DatabaseReadiness implements HealthCheck {
    private final DatabaseOutage outage;

    DatabaseReadiness(DatabaseOutage outage) {
        this.outage = outage;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        Optional<String> embedded = PlatformBootstrap.embeddedProblem();
        Optional<String> unreachable = outage.reason();
        if (embedded.isEmpty() && unreachable.isEmpty()) {
            return response.up().build();
        }
        response.down();
        embedded.ifPresent(reason -> response.withData("embedded", reason));
        unreachable.ifPresent(reason -> response.withData("reason", reason));
        return response.build();
    }
}
