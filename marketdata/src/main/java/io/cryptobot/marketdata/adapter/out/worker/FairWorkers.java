package io.cryptobot.marketdata.adapter.out.worker;

import io.cryptobot.kernel.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed number of daemon worker threads taking tasks from a {@link FairTaskQueue}: the next free worker goes to the
 * owner with the fewest tasks running. Used by the import pool and the download pool, each with its own threads.
 * {@link #stop()} interrupts the workers: a task that waits (a download backing off) ends, and its work is resumed
 * at the next start.
 */
final class FairWorkers {
    private static final Logger LOG = Logger.getLogger(FairWorkers.class.getName());
    private final FairTaskQueue queue = new FairTaskQueue();
    private final List<Thread> workers = new ArrayList<>();
    private final String name;
    private final int size;

    FairWorkers(String name, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one worker");
        }
        this.name = name;
        this.size = size;
    }

    void start() {
        for (int i = 1; i <= size; i++) {
            Thread thread = new Thread(this::work, name + "-" + i);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
    }

    void run(UserId owner, Runnable task) {
        queue.add(owner, task);
    }

    void stop() {
        workers.forEach(Thread::interrupt);
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            FairTaskQueue.Taken taken;
            try {
                taken = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                taken.task().run();
            } catch (Throwable e) {
                // the task records its own failure; a worker must outlive whatever one task throws
                LOG.log(Level.SEVERE, "a " + name + " task ended with an error", e);
            } finally {
                queue.done(taken.owner());
            }
        }
    }
}
