package io.cryptobot.bot.adapter.out.worker;

import io.cryptobot.bot.application.port.out.BotWorkersPort;
import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The threads bot steps run on. A step is short (one candle through the session, then a write to the order
 * journal), mostly waiting on PostgreSQL, so the pool is larger than the core count; each bot's feed hands it
 * one step at a time, so a bot's steps never run in parallel whichever thread takes them.
 */
@ApplicationScoped
class BotWorkerPool implements BotWorkersPort {
    private final ExecutorService executor;
    /** One virtual thread a batch: a writer blocks on the database and must never wait behind steps for a thread. */
    private final ExecutorService writers = AppThreads.virtualPerTask("journal-writer-");
    private final ExecutorService venueCalls = AppThreads.virtualPerTask("live-venue-call-");
    private final ScheduledExecutorService venueTimer = AppThreads.timer("live-venue-timer");

    BotWorkerPool() {
        executor = Executors.newFixedThreadPool(8,
                AppThreads.factory(Thread.ofPlatform().daemon().name("bot-", 1)));
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
