package io.cryptobot.archfixture.marketdata.adapter;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/** Threads made outside AppThreads: each inherits its creator's context class loader. */
public class TickerThread {
    public ScheduledExecutorService ticker() {
        return Executors.newSingleThreadScheduledExecutor();
    }

    public CompletableFuture<Void> later(Runnable task) {
        return CompletableFuture.runAsync(task);
    }

    public Thread thread(Runnable task) {
        return new Thread(task, "ticker");
    }

    public ExecutorService pool(ThreadFactory given) {
        return Executors.newFixedThreadPool(2, given);
    }
}
