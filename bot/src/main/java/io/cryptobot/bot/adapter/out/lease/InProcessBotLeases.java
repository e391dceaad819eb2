package io.cryptobot.bot.adapter.out.lease;

import io.cryptobot.bot.application.port.out.BotLeasePort;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.Clock;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Leases in this process's memory: each bot's current grant, changed atomically per bot; one fencing counter for
 * all bots (tokens only need to grow per bot). Enough for one instance; the port says what several would need.
 */
@ApplicationScoped
class InProcessBotLeases implements BotLeasePort {
    private final ConcurrentHashMap<BotId, Lease> leases = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();
    private final Clock clock;

    InProcessBotLeases(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Option<Lease> acquire(BotId bot, String holder, Duration ttl) {
        Instant now = clock.now();
        Lease[] granted = new Lease[1];
        // an unexpired lease is not granted again, even to its holder: one grant, one token
        leases.compute(bot, (id, current) -> {
            if (current != null && current.expiresAt().isAfter(now)) {
                return current;
            }
            granted[0] = new Lease(id, holder, tokens.incrementAndGet(), now.plus(ttl));
            return granted[0];
        });
        return Option.of(granted[0]);
    }

    @Override
    public Option<Lease> renew(Lease lease, Duration ttl) {
        Instant now = clock.now();
        Lease[] renewed = new Lease[1];
        leases.computeIfPresent(lease.bot(), (id, current) -> {
            if (!isCurrent(current, lease, now)) {
                return current;
            }
            renewed[0] = new Lease(id, lease.holder(), lease.fencingToken(), now.plus(ttl));
            return renewed[0];
        });
        return Option.of(renewed[0]);
    }

    @Override
    public boolean holds(Lease lease) {
        Lease current = leases.get(lease.bot());
        return current != null && isCurrent(current, lease, clock.now());
    }

    @Override
    public void release(Lease lease) {
        leases.computeIfPresent(lease.bot(), (id, current) -> current.fencingToken() == lease.fencingToken()
                ? null : current);
    }

    private static boolean isCurrent(Lease current, Lease lease, Instant now) {
        return current.fencingToken() == lease.fencingToken() && current.expiresAt().isAfter(now);
    }
}
