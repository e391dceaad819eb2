package io.cryptobot.app.identity.adapter.out.ratelimit;

import io.cryptobot.app.identity.application.port.out.LoginAttemptsPort;
import io.cryptobot.app.identity.domain.AttemptWindow;
import io.cryptobot.app.identity.domain.Attempts;
import io.cryptobot.kernel.domain.Clock;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attempt counters in this JVM's memory: right for a single instance, and lost on restart (which only resets
 * the limits). Ended windows are dropped periodically, so memory is bounded by the keys seen in one window.
 */
@ApplicationScoped
class InProcessLoginAttemptsAdapter implements LoginAttemptsPort {
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Clock clock;

    InProcessLoginAttemptsAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Attempts> countAttempt(String key, Duration window) {
        Instant now = clock.now();
        Counter counter = counters.compute(key, (k, current) -> current == null
                ? new Counter(AttemptWindow.firstAt(now), window)
                : new Counter(current.window().counted(now, window), window));
        return Uni.createFrom().item(counter.window().attemptsAt(now, window));
    }

    @Override
    public Uni<Attempts> attempts(String key, Duration window) {
        Counter counter = counters.get(key);
        return Uni.createFrom().item(counter == null ? Attempts.NONE : counter.window().attemptsAt(clock.now(), window));
    }

    @Override
    public Uni<Void> clearAttempts(String key) {
        counters.remove(key);
        return Uni.createFrom().voidItem();
    }

    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dropEndedWindows() {
        Instant now = clock.now();
        counters.entrySet().removeIf(entry -> entry.getValue().window().endedAt(now, entry.getValue().length()));
    }

    private record Counter(AttemptWindow window, Duration length) {
    }
}
