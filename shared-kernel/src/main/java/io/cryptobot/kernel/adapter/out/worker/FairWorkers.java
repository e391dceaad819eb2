package io.cryptobot.kernel.adapter.out.worker;

import io.cryptobot.kernel.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed number of worker threads shared by every user, taking queued tasks fairly between their owners (see
 * {@link FairTaskQueue}): one user's long queue never makes another user's task wait behind all of it. For the
 * shared workers of any context (imports, backtests and sweeps); a running task is never preempted.
 */
public final class FairWorkers {
    private static final Logger LOG = Logger.getLogger(FairWorkers.class.getName());
    private final FairTaskQueue queue = new FairTaskQueue();
    private final List<Thread> workers = new ArrayList<>();
    private final String name;
    private final int size;
    private volatile boolean stopped;

    /** {@code size} threads named {@code name-1}, {@code name-2}, ...; none runs before {@link #start}. */
    public FairWorkers(String name, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one worker, got " + size);
        }
        this.name = name;
        this.size = size;
    }

    public synchronized void start() {
        if (!workers.isEmpty()) {
            return;
        }
        for (int i = 1; i <= size; i++) {
            workers.add(AppThreads.start(Thread.ofPlatform().daemon().name(name + "-" + i), this::work));
        }
    }

    /** Queues {@code task} as {@code owner}'s; it runs when a worker takes it. */
    public void run(UserId owner, Runnable task) {
        queue.add(owner, task);
    }

    public int size() {
        return size;
    }

    /**
     * Only {@link #stop} ends a worker. An interrupt that is not a stop (a task that re-asserts an interrupt it found
     * in a failure's causes, as a download does when it takes it for the shutdown, or anyone else's) ends at most the
     * task it hit: the worker clears it and takes the next task, so the pool never shrinks while the application
     * runs.
     */
    private void work() {
        while (!stopped) {
            FairTaskQueue.Taken taken;
            try {
                taken = queue.take();
            } catch (InterruptedException e) {
                continue;
            }
            try {
                taken.task().run();
            } catch (Throwable e) {
                // the task records its own failure; a worker must outlive whatever one task throws
                LOG.log(Level.SEVERE, "a task of " + name + " ended with an error", e);
            } finally {
                queue.done(taken.owner());
            }
            if (Thread.interrupted() && !stopped) {
                LOG.warning("a task of " + name + " left its worker interrupted; the worker goes on");
            }
        }
    }

    public synchronized void stop() {
        stopped = true;
        workers.forEach(Thread::interrupt);
    }
}
