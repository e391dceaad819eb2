package io.cryptobot.marketdata.adapter.out.worker;

import io.cryptobot.kernel.adapter.out.worker.FairWorkers;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.out.RunDownloadPort;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Two download workers, apart from the import workers: a download mostly waits for its venue (pages, rate limits,
 * backoffs), which must never delay an import. Owners take turns as with imports. Stopping the application interrupts
 * them; the jobs they ran stay {@code running} and go on from their cursor at the next start.
 */
@ApplicationScoped
class DownloadWorkerPool implements RunDownloadPort {
    static final int WORKERS = 2;
    private final FairWorkers workers = new FairWorkers("marketdata-download", WORKERS);

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
