package io.cryptobot.marketdata.adapter.in.startup;

import io.cryptobot.marketdata.adapter.in.rest.ImportSpool;
import io.cryptobot.marketdata.application.port.in.FailInterruptedImportsUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Closes the books on imports a previous process left unfinished, and removes their spooled uploads. */
@ApplicationScoped
class InterruptedImportsStartup {
    private static final Logger LOG = Logger.getLogger(InterruptedImportsStartup.class);
    private final FailInterruptedImportsUseCase failInterrupted;

    private final ImportSpool spool;

    InterruptedImportsStartup(FailInterruptedImportsUseCase failInterrupted, ImportSpool spool) {
        this.failInterrupted = failInterrupted;
        this.spool = spool;
    }

    void onStart(@Observes @Priority(1) StartupEvent started) {
        int failed = failInterrupted.failInterrupted();
        int removed = spool.clear();
        if (failed > 0 || removed > 0) {
            LOG.warnf("Marked %d import job(s) interrupted by the last shutdown as failed; removed %d spooled upload(s)",
                    failed, removed);
        }
    }
}
