package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.app.identity.domain.Attempts;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * Fixed-window attempt counters by key. Single-instance deployments keep them in memory; several instances
 * need a shared store so a client cannot spread attempts over instances.
 */
public interface LoginAttemptsPort {
    /** Counts one attempt under {@code key} and returns the window including it. */
    Uni<Attempts> countAttempt(String key, Duration window);

    /** The current window under {@code key} without counting. */
    Uni<Attempts> attempts(String key, Duration window);

    Uni<Void> clearAttempts(String key);
}
