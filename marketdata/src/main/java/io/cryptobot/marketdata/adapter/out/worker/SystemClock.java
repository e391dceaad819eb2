package io.cryptobot.marketdata.adapter.out.worker;

import io.cryptobot.kernel.domain.Clock;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;

/** The wall clock, unless the application provides its own {@link Clock} (which then replaces this one). */
@ApplicationScoped
class SystemClock {

    @Produces
    @DefaultBean
    @Singleton
    Clock systemClock() {
        return Instant::now;
    }
}
