package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.marketdata.application.port.out.RunDownloadPort;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadJobId;
import io.cryptobot.marketdata.domain.Instrument;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands downloads to the workers, each job at most once at a time in this process: a job already queued or running
 * here is not handed over again (so a resume at start-up, or twice, never runs one job on two workers).
 */
@ApplicationScoped
class DownloadWorkers {
    private final RunDownloadPort workers;
    private final DownloadJobRunner runner;
    private final Set<DownloadJobId> active = ConcurrentHashMap.newKeySet();

    DownloadWorkers(RunDownloadPort workers, DownloadJobRunner runner) {
        this.workers = workers;
        this.runner = runner;
    }

    /** Returns false when the job is already with the workers. */
    boolean submit(DownloadJob job, Instrument instrument, VenueMarketData venue) {
        if (!active.add(job.id())) {
            return false;
        }
        workers.run(job.owner(), () -> {
            try {
                runner.run(job, instrument, venue);
            } finally {
                active.remove(job.id());
            }
        });
        return true;
    }
}
