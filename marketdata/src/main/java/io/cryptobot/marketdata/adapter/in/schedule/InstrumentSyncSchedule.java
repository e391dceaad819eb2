package io.cryptobot.marketdata.adapter.in.schedule;

import io.cryptobot.marketdata.application.port.in.SyncVenueInstrumentsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Refreshes instrument rules and status from the venues every {@code cryptobot.marketdata.instruments.sync-every}
 * (default 1h; {@code off} disables it), the first time {@code sync-delay} after start-up. Skipped while the previous
 * round still runs.
 */
@ApplicationScoped
class InstrumentSyncSchedule {
    private static final Logger LOG = Logger.getLogger(InstrumentSyncSchedule.class);
    private final SyncVenueInstrumentsUseCase sync;

    InstrumentSyncSchedule(SyncVenueInstrumentsUseCase sync) {
        this.sync = sync;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${cryptobot.marketdata.instruments.sync-every:1h}",
            delayed = "${cryptobot.marketdata.instruments.sync-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sync() {
        try {
            sync.syncAll();
        } catch (RuntimeException e) {
            LOG.error("the instrument sync failed", e);
        }
    }
}
