package io.cryptobot.app.platform;

import io.cryptobot.kernel.domain.Clock;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Live code runs on the system clock; a test or a replay can replace it with its own {@code Clock} bean. */
@Singleton
class SystemClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock systemClock() {
        return Instant::now;
    }
}
