package io.cryptobot.app.identity.adapter.out.persistence;

import io.cryptobot.app.identity.application.port.out.IsSessionRevokedPort;
import io.cryptobot.app.identity.application.port.out.RevokeSessionsPort;
import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.UserId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The revoked sessions of this instance: a hash map in memory, answered without I/O on every request, backed by
 * {@code identity.revoked_sessions} so a restart keeps them (read back at start-up). Until that read has
 * succeeded every session counts as revoked: failing closed for the moments of start-up is better than accepting
 * a token whose session was ended. Entries are dropped once every access token they could cover has expired, so
 * the set holds at most the sessions ended within one access-token lifetime.
 *
 * <p>A revocation enters the map before it is written, so it takes effect at once even while the write (in the
 * caller's transaction) is under way; a rolled-back transaction leaves the session revoked in this process only
 * until the entry expires, which errs on the safe side. Several instances need a shared adapter (Redis publish
 * of each revocation, each instance still answering from its own map).
 */
@ApplicationScoped
class RevokedSessionsAdapter implements RevokeSessionsPort, IsSessionRevokedPort {
    private static final Logger LOG = Logger.getLogger(RevokedSessionsAdapter.class);
    private static final String UPSERT = "insert into identity.revoked_sessions"
            + " (session_id, user_id, revoked_at, keep_until) values (?1, ?2, ?3, ?4)"
            + " on conflict (session_id) do update"
            + " set keep_until = greatest(identity.revoked_sessions.keep_until, excluded.keep_until)";
    private final ConcurrentHashMap<UUID, Instant> revoked = new ConcurrentHashMap<>();
    private final RevokedSessionRepository rows;
    private final Clock clock;
    private volatile boolean loaded;

    RevokedSessionsAdapter(RevokedSessionRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public boolean isRevoked(TokenFamilyId session) {
        return !loaded || revoked.containsKey(session.value());
    }

    @Override
    public Uni<Void> revokeSessions(UserId owner, Set<TokenFamilyId> sessions, Instant keepUntil) {
        Instant now = clock.now();
        sessions.forEach(session -> revoked.merge(session.value(), keepUntil,
                (known, added) -> known.isAfter(added) ? known : added));
        Uni<Void> writes = Uni.createFrom().voidItem();
        for (TokenFamilyId session : sessions) {
            writes = writes.flatMap(done -> Panache.withTransaction(() -> Panache.getSession()
                    .flatMap(store -> store.createNativeQuery(UPSERT)
                            .setParameter(1, session.value())
                            .setParameter(2, owner.value())
                            .setParameter(3, now)
                            .setParameter(4, keepUntil)
                            .executeUpdate()))
                    .replaceWithVoid());
        }
        return writes;
    }

    void onStart(@Observes StartupEvent started) {
        try {
            VertxContextSupport.subscribeAndAwait(this::load);
        } catch (Throwable failure) {
            LOG.error("Could not read the revoked sessions; refusing every access token until they are read", failure);
        }
    }

    /** Reads the stored revocations that still matter into the map: what a restart sees. */
    Uni<Void> load() {
        Instant now = clock.now();
        return Panache.withSession(() -> rows.list("keepUntil > ?1", now)).invoke(stored -> {
            stored.forEach(row -> revoked.merge(row.sessionId, row.keepUntil,
                    (known, read) -> known.isAfter(read) ? known : read));
            loaded = true;
        }).replaceWithVoid();
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retryLoad() {
        return loaded ? Uni.createFrom().voidItem() : load();
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dropExpired() {
        Instant now = clock.now();
        revoked.entrySet().removeIf(entry -> !entry.getValue().isAfter(now));
        return Panache.withTransaction(() -> rows.delete("keepUntil <= ?1", now)).replaceWithVoid();
    }
}
