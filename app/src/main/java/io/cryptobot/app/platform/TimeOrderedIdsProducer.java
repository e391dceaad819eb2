package io.cryptobot.app.platform;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.cryptobot.kernel.domain.IdGenerator;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * New ids of live code are time-ordered UUIDs (RFC 9562 version 7, by java-uuid-generator): unique without
 * coordination and never reused after a crash, since they come from the clock and randomness, not from a
 * sequence a restart would start again.
 */
@Singleton
class TimeOrderedIdsProducer {

    @Produces
    @Singleton
    @DefaultBean
    IdGenerator timeOrderedIds() {
        TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();
        return generator::generate;
    }
}
