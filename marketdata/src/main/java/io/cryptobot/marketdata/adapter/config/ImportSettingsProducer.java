package io.cryptobot.marketdata.adapter.config;

import io.cryptobot.marketdata.domain.DownloadPolicy;
import io.cryptobot.marketdata.domain.ImportLimits;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Turns configuration into the domain's limits, so services never read configuration themselves. */
@Singleton
class ImportSettingsProducer {

    @Produces
    @Singleton
    ImportLimits importLimits(ImportConfig config) {
        return new ImportLimits(config.maxLineLength(), config.maxUncompressedBytes(), config.maxRows(),
                config.maxEntries(), config.maxUnfinishedPerUser());
    }

    @Produces
    @Singleton
    DownloadPolicy downloadPolicy(DownloadConfig config) {
        return new DownloadPolicy(config.maxUnfinishedPerUser(), config.maxAttempts(), config.firstBackoff(),
                config.maxBackoff(), config.minimumWait());
    }
}
