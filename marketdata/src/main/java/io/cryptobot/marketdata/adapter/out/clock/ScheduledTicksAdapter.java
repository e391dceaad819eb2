package io.cryptobot.marketdata.adapter.out.clock;

import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import io.cryptobot.marketdata.application.port.out.ScheduleTicksPort;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/** One daemon thread ticking every replay; a tick that returns false (or throws) is cancelled. */
@ApplicationScoped
class ScheduledTicksAdapter implements ScheduleTicksPort {
    private static final Logger LOG = Logger.getLogger(ScheduledTicksAdapter.class);
    private final ScheduledExecutorService scheduler = AppThreads.timer("marketdata-replay");

    @Override
    public void every(long intervalMillis, BooleanSupplier tick) {
        AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
        self.set(scheduler.scheduleAtFixedRate(() -> {
            boolean more;
            try {
                more = tick.getAsBoolean();
            } catch (RuntimeException e) {
                LOG.error("a replay tick failed; the replay stops", e);
                more = false;
            }
            if (!more) {
                while (self.get() == null) {
                    Thread.onSpinWait();
                }
                self.get().cancel(false);
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
