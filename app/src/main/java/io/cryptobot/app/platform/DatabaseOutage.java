package io.cryptobot.app.platform;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Knows whether PostgreSQL is unreachable as seen by the API: the first request that fails for that reason opens
 * an outage (one WARN line), every such request is counted, and a probe ({@code SELECT 1} every second while the
 * outage lasts) closes it (one INFO line with its length and the number of requests answered 503). Requests
 * during an outage log nothing more: no stack trace per request.
 */
@ApplicationScoped
public class DatabaseOutage {
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private record Outage(Instant since, String cause, AtomicLong refused) {
    }

    private final AtomicReference<Outage> current = new AtomicReference<>();
    private final Pool pool;

    DatabaseOutage(Pool pool) {
        this.pool = pool;
    }

    /** A request could not be served because the database is unreachable ({@code cause} is address-free). */
    public void refused(String cause) {
        Outage started = new Outage(Instant.now(), cause, new AtomicLong());
        Outage outage = current.updateAndGet(existing -> existing == null ? started : existing);
        outage.refused().incrementAndGet();
        if (outage == started) {
            LOG.warnf("Database unreachable (%s): requests are answered 503 until it answers again", cause);
        }
    }

    /** Why the database is considered down, while it is. */
    public Optional<String> reason() {
        Outage outage = current.get();
        return outage == null ? Optional.empty()
                : Optional.of("unreachable since " + outage.since() + " (" + outage.cause() + ")");
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        Outage outage = current.get();
        if (outage == null) {
            return;
        }
        try {
            pool.query("SELECT 1").execute().await().atMost(Duration.ofSeconds(3));
        } catch (RuntimeException stillDown) {
            return;
        }
        if (current.compareAndSet(outage, null)) {
            LOG.infof("Database reachable again after %d s; %d requests were answered 503 meanwhile",
                    Duration.between(outage.since(), Instant.now()).toSeconds(), outage.refused().get());
        }
    }
}
