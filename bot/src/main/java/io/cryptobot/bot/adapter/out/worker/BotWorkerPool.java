package io.cryptobot.bot.adapter.out.worker;

import io.cryptobot.bot.application.port.out.BotWorkersPort;
import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The threads bot steps run on. A step is short (one candle through the session, then a write to the order
 * journal), mostly waiting on PostgreSQL, so the pool is larger than the core count; each bot's feed hands it
 * one step at a time, so a bot's steps never run in parallel whichever thread takes them.
 * <p>
 * {@link #afterWaitingSteps()} holds a task back while steps wait for a worker: when every feed closes its candle
 * at once (SIM's feeds, or many bots on one feed), hundreds of steps queue here at once, and a write started then
 * takes a core from the decisions still waiting. Such a task is released by the worker that leaves the queue empty,
 * or by a timer after {@link #MAX_HOLD_MILLIS}, whichever comes first, so nothing waits for long.
 */
@ApplicationScoped
class BotWorkerPool implements BotWorkersPort {
    /** The longest a task handed to {@link #afterWaitingSteps()} waits for the steps queued before it. */
    static final long MAX_HOLD_MILLIS = 10;
    private final ThreadPoolExecutor executor;
    /** Tasks held back while steps wait for a worker, each run once (by the first of its releases). */
    private final ConcurrentLinkedQueue<Held> held = new ConcurrentLinkedQueue<>();
    /** One virtual thread a batch: a writer blocks on the database and must never wait behind steps for a thread. */
    private final ExecutorService writers = AppThreads.virtualPerTask("journal-writer-");
    private final ExecutorService venueCalls = AppThreads.virtualPerTask("live-venue-call-");
    private final ScheduledExecutorService venueTimer = AppThreads.timer("live-venue-timer");

    private final long maxHoldMillis;

    BotWorkerPool() {
        this(MAX_HOLD_MILLIS);
    }

    /** {@code maxHoldMillis}: the longest a task handed to {@link #afterWaitingSteps()} is held back. */
    BotWorkerPool(long maxHoldMillis) {
        this.maxHoldMillis = maxHoldMillis;
        executor = new ThreadPoolExecutor(8, 8, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                AppThreads.factory(Thread.ofPlatform().daemon().name("bot-", 1))) {
            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                if (!held.isEmpty() && getQueue().isEmpty()) {
                    release();
                }
            }
        };
    }

    /** A task held back, run on a journal writer by whichever release comes first. */
    private final class Held implements Runnable {
        private final Runnable task;
        private final AtomicBoolean started = new AtomicBoolean();

        Held(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            if (started.compareAndSet(false, true)) {
                writers.execute(task);
            }
        }
    }

    @Override
    public Executor afterWaitingSteps() {
        return task -> {
            if (executor.getQueue().isEmpty()) {
                writers.execute(task);
                return;
            }
            Held waiting = new Held(task);
            held.add(waiting);
            CompletableFuture.delayedExecutor(maxHoldMillis, TimeUnit.MILLISECONDS, Runnable::run).execute(waiting);
            // the queue may have emptied before the task was added, with no worker left to see it
            if (executor.getQueue().isEmpty()) {
                release();
            }
        };
    }

    private void release() {
        Held next;
        while ((next = held.poll()) != null) {
            next.run();
        }
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public Executor journalWriters() {
        return writers;
    }

    @Override
    public Executor venueCalls() {
        return venueCalls;
    }

    @Override
    public ScheduledExecutorService venueTimer() {
        return venueTimer;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        writers.shutdownNow();
        venueTimer.shutdownNow();
        venueCalls.shutdownNow();
    }
}
