package io.cryptobot.backtest.adapter.in.startup;

import io.cryptobot.backtest.application.port.in.ControlBacktestUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Marks runs a previous process left queued, running or storing as interrupted; their owners can resume them. A
 * storing run's transaction died with that process, so nothing of its results was kept.
 */
@ApplicationScoped
class InterruptedBacktestsStartup {
    private static final Logger LOG = Logger.getLogger(InterruptedBacktestsStartup.class);
    private final ControlBacktestUseCase control;

    InterruptedBacktestsStartup(ControlBacktestUseCase control) {
        this.control = control;
    }

    void onStart(@Observes @Priority(1) StartupEvent started) {
        int interrupted = control.interruptUnfinished();
        if (interrupted > 0) {
            LOG.warnf("Marked %d backtest run(s) left unfinished by the last shutdown as interrupted", interrupted);
        }
    }
}
