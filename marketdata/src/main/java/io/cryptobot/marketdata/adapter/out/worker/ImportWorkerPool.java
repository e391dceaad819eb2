package io.cryptobot.marketdata.adapter.out.worker;

import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.out.RunInBackgroundPort;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Two import workers: imports are database-bound, and a third concurrent one would only slow the others down.
 * Further jobs wait (and show as queued) in a {@link FairTaskQueue}, which hands the next free worker to the user
 * with the fewest imports running, so one user's many or large uploads cannot make another's wait behind them.
 */
@ApplicationScoped
class ImportWorkerPool implements RunInBackgroundPort {
    static final int WORKERS = 2;
    private static final Logger LOG = Logger.getLogger(ImportWorkerPool.class.getName());
    private final FairTaskQueue queue = new FairTaskQueue();
    private final List<Thread> workers = new ArrayList<>(WORKERS);
    private final int size;

    ImportWorkerPool() {
        this(WORKERS);
    }

    ImportWorkerPool(int size) {
        this.size = size;
    }

    /** Not in the constructor: the container also instantiates the class for its client proxy. */
    @PostConstruct
    void start() {
        for (int i = 1; i <= size; i++) {
            Thread thread = new Thread(this::work, "marketdata-import-" + i);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
    }

    @Override
    public void run(UserId owner, Runnable task) {
        queue.add(owner, task);
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
                // the task records its own failure; a worker must outlive whatever one import throws
                LOG.log(Level.SEVERE, "an import task ended with an error", e);
            } finally {
                queue.done(taken.owner());
            }
        }
    }

    @PreDestroy
    void stop() {
        workers.forEach(Thread::interrupt);
    }
}
