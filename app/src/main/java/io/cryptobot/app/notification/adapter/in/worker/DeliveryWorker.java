package io.cryptobot.app.notification.adapter.in.worker;

import io.cryptobot.app.notification.adapter.config.NotificationConfig;
import io.cryptobot.app.notification.application.port.in.DeliverNextUseCase;
import io.cryptobot.app.notification.application.port.in.DeliverNextUseCase.Step;
import io.cryptobot.app.notification.application.port.out.DeliveryStorePort;
import io.cryptobot.app.notification.application.port.out.WakeDeliveriesPort;
import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox: one lane per endpoint, each on its own virtual thread while it has work, so an endpoint's
 * deliveries go one at a time and in order, and a slow or dead endpoint holds up only its own lane (an attempt is
 * bounded by {@code attempt-timeout}). A lane wakes when something is queued for it ({@link #wake}), when its retry
 * is due, and on the poll ({@code poll-interval}) that picks up whatever the database holds: a backlog left by a
 * restart, retries whose timer a stop dropped. Publishers never wait for it: {@link #wake} only starts a lane.
 */
@ApplicationScoped
public class DeliveryWorker implements WakeDeliveriesPort {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());
    private final DeliverNextUseCase deliver;
    private final DeliveryStorePort outbox;
    private final Duration poll;
    private final Map<EndpointId, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean started;
    private volatile ExecutorService lanesExecutor;
    private volatile ScheduledExecutorService timers;

    private static final class Lane {
        final AtomicBoolean running = new AtomicBoolean();
        volatile boolean again;
    }

    DeliveryWorker(DeliverNextUseCase deliver, DeliveryStorePort outbox, NotificationConfig config) {
        this.deliver = deliver;
        this.outbox = outbox;
        this.poll = config.pollInterval();
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts sending: the poll runs at once, so a backlog left by the last run goes first. */
    public synchronized void start() {
        if (started) {
            return;
        }
        lanesExecutor = AppThreads.virtualPerTask("notify-lane-");
        timers = AppThreads.timer("notify-timer");
        started = true;
        timers.scheduleWithFixedDelay(this::pollDue, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops sending: no new attempt starts, attempts under way end (each bounded by its timeout); what is pending
     * stays in the outbox for the next start.
     */
    public synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        timers.shutdownNow();
        lanesExecutor.shutdown();
        try {
            if (!lanesExecutor.awaitTermination(30, TimeUnit.SECONDS)) {
                lanesExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            lanesExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        lanes.clear();
    }

    public boolean started() {
        return started;
    }

    @Override
    public void wake(List<EndpointId> endpoints) {
        endpoints.forEach(this::wake);
    }

    private void wake(EndpointId id) {
        if (!started) {
            return;
        }
        Lane lane = lanes.computeIfAbsent(id, k -> new Lane());
        lane.again = true;
        if (lane.running.compareAndSet(false, true)) {
            try {
                lanesExecutor.execute(() -> run(id, lane));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                lane.running.set(false);
            }
        }
    }

    private void run(EndpointId id, Lane lane) {
        try {
            while (started) {
                lane.again = false;
                Step step = deliver.deliverNext(id);
                if (step instanceof Step.Continue) {
                    continue;
                }
                if (step instanceof Step.WaitUntil wait) {
                    later(id, wait.at());
                }
                if (!lane.again) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // the database or a bug: the poll tries this lane again
            LOG.log(Level.WARNING, "notification lane " + id + " stopped; the poll retries it", e);
        } finally {
            lane.running.set(false);
        }
        if (lane.again && started) {
            wake(id);
        }
    }

    private void later(EndpointId id, Instant at) {
        long delay = Math.max(0, at.toEpochMilli() - System.currentTimeMillis());
        try {
            timers.schedule(() -> wake(id), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // stopped: the next start's poll finds it
        }
    }

    private void pollDue() {
        try {
            wake(outbox.due(Instant.now()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "notification poll failed; next poll retries", e);
        }
    }
}
