package io.cryptobot.bot.adapter.in.health;

import io.cryptobot.bot.application.port.in.ResumeLiveBotsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code live-bots}: down until the bots a previous process left live are rebuilt from their
 * journals (orders for them are answered 503 meanwhile), and while a bot is rebuilt after a database outage.
 */
@Readiness
@ApplicationScoped
class LiveBotsReadiness implements HealthCheck {
    private final ResumeLiveBotsUseCase bots;

    LiveBotsReadiness(ResumeLiveBotsUseCase bots) {
        this.bots = bots;
    }

    @Override
    public HealthCheckResponse call() {
        int rebuilding = bots.rebuildingLiveBots();
        if (rebuilding == 0) {
            return HealthCheckResponse.up("live-bots");
        }
        return HealthCheckResponse.named("live-bots").down()
                .withData("reason", rebuilding < 0 ? "the live bots are not read yet (start-up, or the database is "
                        + "unreachable)" : rebuilding + " live bot(s) are being rebuilt from their journals")
                .build();
    }
}
