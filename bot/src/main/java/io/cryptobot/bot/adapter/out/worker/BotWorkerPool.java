package io.cryptobot.bot.adapter.out.worker;

import io.cryptobot.bot.application.port.out.BotWorkersPort;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads bot steps run on. A step is short (one candle through the session, then a write to the order
 * journal), mostly waiting on PostgreSQL, so the pool is larger than the core count; each bot's feed hands it
 * one step at a time, so a bot's steps never run in parallel whichever thread takes them.
 */
@ApplicationScoped
class BotWorkerPool implements BotWorkersPort {
    private final ExecutorService executor;

    BotWorkerPool() {
        AtomicInteger number = new AtomicInteger();
        executor = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "bot-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
