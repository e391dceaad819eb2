package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.marketdata.domain.DownloadJob;

public interface SaveDownloadJobPort {
    /**
     * Inserts or replaces the job's stored state, cursor and counts included; a finished job's stored state is never
     * replaced, except a canceled job's by its final canceled state (the runner's counts when it stopped), so a
     * runner that has not yet seen a cancel cannot undo it.
     */
    void save(DownloadJob job);
}
