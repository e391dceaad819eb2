package io.cryptobot.marketdata.adapter.out.worker;

import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.out.RunInBackgroundPort;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Two import workers: imports are database-bound, and a third concurrent one would only slow the others down.
 * Further jobs wait (and show as queued) in a {@link FairTaskQueue}, which hands the next free worker to the user
 * with the fewest imports running, so one user's many or large uploads cannot make another's wait behind them.
 */
@ApplicationScoped
class ImportWorkerPool implements RunInBackgroundPort {
    static final int WORKERS = 2;
    private final FairWorkers workers;

    ImportWorkerPool() {
        this(WORKERS);
    }

    ImportWorkerPool(int size) {
        this.workers = new FairWorkers("marketdata-import", size);
    }

    /** Not in the constructor: the container also instantiates the class for its client proxy. */
    @PostConstruct
    void start() {
        workers.start();
    }

    @Override
    public void run(UserId owner, Runnable task) {
        workers.run(owner, task);
    }

    @PreDestroy
    void stop() {
        workers.stop();
    }
}
