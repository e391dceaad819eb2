package io.cryptobot.marketdata.adapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The {@code cryptobot.marketdata.download.*} settings; docs/api-marketdata.md explains each. */
@ConfigMapping(prefix = "cryptobot.marketdata.download")
public interface DownloadConfig {
    /** Downloads one user may have queued or running at once. */
    @WithDefault("5")
    int maxUnfinishedPerUser();

    /** Failed calls in a row to an unavailable venue before the job fails. */
    @WithDefault("5")
    int maxAttempts();

    /** The wait after the first failure; doubled after each further one. */
    @WithDefault("PT1S")
    Duration firstBackoff();

    @WithDefault("PT60S")
    Duration maxBackoff();

    /** The least wait when a venue says "rate limited": a "retry after 0 s" never makes a tight loop. */
    @WithDefault("PT1S")
    Duration minimumWait();
}
