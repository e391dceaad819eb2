package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.marketdata.domain.DownloadJob;

public interface SaveDownloadJobPort {
    /** Inserts or replaces the job's stored state, cursor and counts included. */
    void save(DownloadJob job);
}
