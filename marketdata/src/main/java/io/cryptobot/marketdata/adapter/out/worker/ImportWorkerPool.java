package io.cryptobot.marketdata.adapter.out.worker;

import io.cryptobot.marketdata.application.port.out.RunInBackgroundPort;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two import workers: imports are database-bound, and a third concurrent one would only slow the others down.
 * Further jobs wait in the queue (and show as queued).
 */
@ApplicationScoped
class ImportWorkerPool implements RunInBackgroundPort {
    private static final int WORKERS = 2;
    private final ExecutorService executor;

    ImportWorkerPool() {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "marketdata-import-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        executor = Executors.newFixedThreadPool(WORKERS, threads);
    }

    @Override
    public void run(Runnable task) {
        executor.execute(task);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
