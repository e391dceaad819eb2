package io.cryptobot.marketdata.adapter.out.worker;

import io.cryptobot.kernel.adapter.out.worker.FairWorkers;
import io.cryptobot.kernel.domain.UserId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * A pool of the kernel's {@link FairWorkers} living as long as the application: started after construction (not
 * in the constructor: the container also instantiates a bean for its client proxy), stopped at shutdown, which
 * interrupts its threads.
 */
abstract class OwnerFairPool {
    private final FairWorkers workers;

    OwnerFairPool(String name, int size) {
        this.workers = new FairWorkers(name, size);
    }

    @PostConstruct
    void start() {
        workers.start();
    }

    public void run(UserId owner, Runnable task) {
        workers.run(owner, task);
    }

    @PreDestroy
    void stop() {
        workers.stop();
    }
}
