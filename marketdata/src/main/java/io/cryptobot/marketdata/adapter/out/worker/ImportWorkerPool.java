package io.cryptobot.marketdata.adapter.out.worker;

import io.cryptobot.kernel.adapter.out.worker.FairWorkers;
import io.cryptobot.marketdata.application.port.out.RunInBackgroundPort;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Two import workers: imports are database-bound, and a third concurrent one would only slow the others down.
 * Further jobs wait (and show as queued) in the kernel's {@link FairWorkers}, which hands the next free worker to
 * the user with the fewest imports running, so one user's many or large uploads cannot make another's wait behind
 * them.
 */
@ApplicationScoped
class ImportWorkerPool extends OwnerFairPool implements RunInBackgroundPort {
    static final int WORKERS = 2;

    ImportWorkerPool() {
        super("marketdata-import", WORKERS);
    }
}
