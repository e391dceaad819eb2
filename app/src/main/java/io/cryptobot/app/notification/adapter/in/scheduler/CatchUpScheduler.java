package io.cryptobot.app.notification.adapter.in.scheduler;

import io.cryptobot.app.notification.application.port.in.CatchUpNotificationsUseCase;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox's catch-up: at start-up, what the last process committed and never queued; then a checkpoint every
 * {@code cryptobot.notifications.catch-up-interval}.
 */
@ApplicationScoped
class CatchUpScheduler {
    private static final Logger LOG = Logger.getLogger(CatchUpScheduler.class.getName());
    private final CatchUpNotificationsUseCase catchUp;

    CatchUpScheduler(CatchUpNotificationsUseCase catchUp) {
        this.catchUp = catchUp;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        try {
            int queued = catchUp.recover();
            if (queued > 0) {
                LOG.info("notifications: " + queued + " deliveries queued that the last run committed and never queued");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "notifications: the catch-up at start-up failed; the next checkpoint tries again", e);
        }
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${cryptobot.notifications.catch-up-interval:PT1M}",
            delayed = "${cryptobot.notifications.catch-up-interval:PT1M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkpoint() {
        int queued = catchUp.checkpoint();
        if (queued > 0) {
            LOG.warning("notifications: " + queued + " deliveries queued by the checkpoint (the live path missed them)");
        }
    }
}
