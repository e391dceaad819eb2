package io.cryptobot.marketdata.adapter.config;

import io.cryptobot.marketdata.domain.DownloadPolicy;
import io.cryptobot.marketdata.domain.ImportLimits;
import io.cryptobot.marketdata.domain.StoredCandlesLimit;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /**
     * Candles one user may keep in private datasets (5,000,000 by default: about 9.5 years of 1m candles of one
     * pair, or a year of 1m candles of nine pairs; at about 190 bytes of table and primary key a candle, some
     * 0.9 GB). Read by name rather than through a mapping of {@code cryptobot.limits}, which other contexts may grow
     * settings under.
     */
    @Produces
    @Singleton
    StoredCandlesLimit storedCandlesLimit(@ConfigProperty(name = StoredCandlesLimit.SETTING,
            defaultValue = "5000000") long value) {
        return new StoredCandlesLimit(value);
    }
}
