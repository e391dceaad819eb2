package io.cryptobot.backtest.adapter.in.startup;

import io.cryptobot.backtest.application.port.in.ControlSweepUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Marks sweeps a previous process left queued or running as interrupted. */
@ApplicationScoped
class InterruptedSweepsStartup {
    private static final Logger LOG = Logger.getLogger(InterruptedSweepsStartup.class);
    private final ControlSweepUseCase control;

    InterruptedSweepsStartup(ControlSweepUseCase control) {
        this.control = control;
    }

    void onStart(@Observes @Priority(1) StartupEvent started) {
        int interrupted = control.interruptUnfinished();
        if (interrupted > 0) {
            LOG.warnf("Marked %d sweep(s) left unfinished by the last shutdown as interrupted", interrupted);
        }
    }
}
