package io.cryptobot.backtest.adapter.out.worker;

import io.cryptobot.backtest.application.port.out.BacktestWorkersPort;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One backtest worker per core: a run is CPU-bound and single-threaded, so more workers than cores would only
 * share the cores. Further runs wait in the queue (and show as queued).
 */
@ApplicationScoped
class BacktestWorkerPool implements BacktestWorkersPort {
    private static final Logger LOG = Logger.getLogger(BacktestWorkerPool.class);
    private final ExecutorService executor;

    BacktestWorkerPool() {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "backtest-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        executor = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), threads);
    }

    @Override
    public void run(Runnable task) {
        executor.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("backtest run failed", e);
            }
        });
    }

    @Override
    public int parallelism() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
