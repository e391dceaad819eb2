package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.marketdata.domain.ImportJob;

public interface SaveImportJobPort {
    /** Inserts or replaces the job's stored state. */
    void save(ImportJob job);
}
