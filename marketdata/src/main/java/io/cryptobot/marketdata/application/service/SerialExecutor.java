package io.cryptobot.marketdata.application.service;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: each live feed has one, so its state needs no
 * lock and its subscribers are called in order. A task submitted from inside a running task (a subscriber leaving
 * while being called) runs after it, never nested, also when the pool runs tasks on the caller's thread.
 * {@link #executeHere} runs a task that never blocks on the caller's thread when nothing else is running or queued,
 * saving the hand-off to the pool (a closed candle passed on by the venue stream's own thread).
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = Logger.getLogger(SerialExecutor.class);
    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    /**
     * Runs {@code task} at once on the calling thread if no task is running or queued, else queues it as
     * {@link #execute} does. The task must not block (it may run on a venue stream's thread); whatever it or another
     * thread submits meanwhile runs after it, on the pool.
     */
    void executeHere(Runnable task) {
        synchronized (this) {
            if (running) {
                tasks.add(task);
                return;
            }
            running = true;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("a live feed task failed; the feed goes on with the next", e);
        }
        synchronized (this) {
            if (tasks.isEmpty()) {
                running = false;
                return;
            }
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.error("a live feed task failed; the feed goes on with the next", e);
            }
        }
    }
}
