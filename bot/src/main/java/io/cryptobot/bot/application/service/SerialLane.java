package io.cryptobot.bot.application.service;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A session's own serial executor: tasks run one at a time, in the order posted, each holding the session's lock,
 * on a thread of {@code executor} (never on the caller's). What a live venue answers or streams comes back here, so
 * the session applies it as it applies every other input: alone, under its lock.
 */
final class SerialLane implements Executor {
    private static final Logger LOG = Logger.getLogger(SerialLane.class.getName());
    private final Object lock;
    private final Executor executor;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    SerialLane(Object lock, Executor executor) {
        this.lock = lock;
        this.executor = executor;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    /**
     * Starts a drain unless one runs. An executor that no longer takes tasks (shut down: the application is stopping)
     * drops what is queued, quietly: a venue's stream or an answer still in flight calls in after the stop, and there
     * is nothing left to apply it to.
     */
    private void schedule() {
        if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException stopped) {
                tasks.clear();
                running.set(false);
                LOG.log(Level.FINE, "a session's lane dropped its tasks: its executor is shut down");
            }
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                synchronized (lock) {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "a task of a session's lane failed", e);
                    }
                }
            }
        } finally {
            running.set(false);
            schedule();
        }
    }
}
