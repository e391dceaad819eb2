package io.cryptobot.marketdata.adapter.in.startup;

import io.cryptobot.marketdata.application.port.in.SeedSyntheticDataUseCase;
import io.cryptobot.marketdata.application.port.in.SeedSyntheticDataUseCase.SeedResult;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives a fresh installation something to look at: the seeded demo series ({@link SeedSyntheticDataUseCase}).
 * Off with {@code cryptobot.demo.enabled=false}, together with the demo accounts.
 */
@ApplicationScoped
class DemoDataStartup {
    private static final Logger LOG = Logger.getLogger(DemoDataStartup.class);
    private final SeedSyntheticDataUseCase seed;
    private final boolean enabled;

    DemoDataStartup(SeedSyntheticDataUseCase seed,
                    @ConfigProperty(name = "cryptobot.demo.enabled", defaultValue = "true") boolean enabled) {
        this.seed = seed;
        this.enabled = enabled;
    }

    /** Runs on the start-up thread (blocking is allowed there); the seed writes through JDBC COPY. */
    void onStart(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        long begin = System.nanoTime();
        SeedResult result = seed.seed();
        LOG.infof("Demo market data: %s 1m candles, %d inserted now, %d already present (%d ms)",
                result.instrument(), result.candlesInserted(), result.candlesAlreadyPresent(),
                (System.nanoTime() - begin) / 1_000_000);
    }
}
