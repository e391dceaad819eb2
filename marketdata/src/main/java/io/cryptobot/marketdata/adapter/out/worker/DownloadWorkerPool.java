package io.cryptobot.marketdata.adapter.out.worker;

import io.cryptobot.marketdata.application.port.out.RunDownloadPort;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Two download workers, apart from the import workers: a download mostly waits for its venue (pages, rate limits,
 * backoffs), which must never delay an import. Owners take turns as with imports. Stopping the application interrupts
 * them; the jobs they ran stay {@code running} and go on from their cursor at the next start.
 */
@ApplicationScoped
class DownloadWorkerPool extends OwnerFairPool implements RunDownloadPort {
    static final int WORKERS = 2;

    DownloadWorkerPool() {
        super("marketdata-download", WORKERS);
    }
}
