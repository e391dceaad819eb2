package io.cryptobot.bot.application.service;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
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

    private void schedule() {
        if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            executor.execute(this::drain);
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
