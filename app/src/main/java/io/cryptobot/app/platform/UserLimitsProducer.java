package io.cryptobot.app.platform;

import io.cryptobot.kernel.domain.OwnerLocks;
import io.cryptobot.kernel.domain.UserLimits;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The per-user limits from configuration, as the kernel's value the contexts enforce (services never read
 * configuration themselves), and the one set of per-owner locks under which a limit's count and the write it
 * allows are made.
 */
@Singleton
class UserLimitsProducer {

    @Produces
    @Singleton
    UserLimits userLimits(LimitsConfig config) {
        return UserLimits.of(config.backtestsActive(), config.sweepsActive(), config.pointsPerSweep(),
                config.streams(), config.accounts(), config.bots(), config.botsRunning(), config.ordersPerMinute(),
                config.replaysRunning(), config.connectionTests());
    }

    @Produces
    @Singleton
    OwnerLocks ownerLocks() {
        return new OwnerLocks();
    }
}
