package io.cryptobot.app.platform;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Every second: if the embedded PostgreSQL (when it is the one in use) has died, it is started again. */
@ApplicationScoped
class EmbeddedDatabaseSupervisor {
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void supervise() {
        PlatformBootstrap.superviseEmbedded();
    }
}
