package io.cryptobot.marketdata.adapter.config;

import io.cryptobot.marketdata.domain.live.LiveFeedSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Turns configuration into the live feeds' settings, so services never read configuration themselves. */
@Singleton
class LiveFeedSettingsProducer {

    @Produces
    @Singleton
    LiveFeedSettings liveFeedSettings(LiveFeedConfig config) {
        return new LiveFeedSettings(config.lateAfter(), config.checkInterval(), config.storeBatch(),
                config.startBackfillCandles(), config.keptCandles(), config.clockMaxAge());
    }
}
