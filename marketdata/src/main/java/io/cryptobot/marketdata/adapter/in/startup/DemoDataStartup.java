package io.cryptobot.marketdata.adapter.in.startup;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.cryptobot.marketdata.application.port.in.LiveCandleRequest;
import io.cryptobot.marketdata.application.port.in.LiveSubscription;
import io.cryptobot.marketdata.application.port.in.SeedSyntheticDataUseCase;
import io.cryptobot.marketdata.application.port.in.SeedSyntheticDataUseCase.SeedResult;
import io.cryptobot.marketdata.application.port.in.SubscribeLiveCandlesUseCase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vavr.collection.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives a fresh installation something to look at: the demo series of the simulated venue {@code SIM}
 * ({@link SeedSyntheticDataUseCase}), kept current by a live 1m feed of each of its symbols for as long as the
 * application runs (so the latest price moves and the store has no gap for bots to trip over). Off with
 * {@code cryptobot.demo.enabled=false}, together with the demo accounts.
 */
@ApplicationScoped
class DemoDataStartup {
    private static final Logger LOG = Logger.getLogger(DemoDataStartup.class);
    private final SeedSyntheticDataUseCase seed;
    private final SubscribeLiveCandlesUseCase live;
    private final boolean enabled;
    private final java.util.List<LiveSubscription> feeds = new CopyOnWriteArrayList<>();

    DemoDataStartup(SeedSyntheticDataUseCase seed, SubscribeLiveCandlesUseCase live,
                    @ConfigProperty(name = "cryptobot.demo.enabled", defaultValue = "true") boolean enabled) {
        this.seed = seed;
        this.live = live;
        this.enabled = enabled;
    }

    /** Runs on the start-up thread (blocking is allowed there); the seed writes through JDBC COPY. */
    void onStart(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        long begin = System.nanoTime();
        List<SeedResult> results = seed.seed();
        if (results.isEmpty()) {
            LOG.info("Demo market data: the SIM venue is disabled (cryptobot.venues.sim.enabled), nothing seeded");
            return;
        }
        for (SeedResult result : results) {
            if (result.earlierSeries()) {
                LOG.warnf("Demo market data: the stored 1m candles of %s were made by an earlier demo generator and"
                        + " are not the SIM venue's; they are kept, and the live feed continues from now, with a jump."
                        + " Start on a fresh data directory for one consistent series.", result.instrument());
            } else {
                LOG.infof("Demo market data: %s 1m candles from the SIM venue, %d inserted now, %d already present",
                        result.instrument(), result.candlesInserted(), result.candlesAlreadyPresent());
            }
            live.subscribe(LiveCandleRequest.fromNow(result.instrument(), Timeframe.M1), (LiveCandle candle) -> { })
                    .peek(feeds::add)
                    .peekLeft(error -> LOG.warnf("Demo market data: no live feed of %s: %s", result.instrument(),
                            error.detail()));
        }
        LOG.infof("Demo market data ready in %d ms; live 1m feeds of %d SIM symbols",
                (System.nanoTime() - begin) / 1_000_000, feeds.size());
    }

    void onStop(@Observes ShutdownEvent stopping) {
        feeds.forEach(LiveSubscription::close);
        feeds.clear();
    }
}
