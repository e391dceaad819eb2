package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotLeasePort;
import java.util.concurrent.ScheduledFuture;

/**
 * A bot's link to its live account: the venue its session trades on and the lease that lets this runner drive the
 * bot, renewed while it runs. Closing it stops the venue (nothing more sent or applied) and gives the lease up.
 */
final class LiveTrading implements AutoCloseable {
    final LiveVenue venue;
    private final BotLeasePort leases;
    private volatile BotLeasePort.Lease lease;
    private volatile ScheduledFuture<?> renewal;

    LiveTrading(LiveVenue venue, BotLeasePort leases, BotLeasePort.Lease lease) {
        this.venue = venue;
        this.leases = leases;
        this.lease = lease;
    }

    /** Whether this runner still holds the bot's lease (fenced: a lease granted since to another runner is not). */
    boolean driving() {
        return leases.holds(lease);
    }

    void renewing(ScheduledFuture<?> renewal) {
        this.renewal = renewal;
    }

    /** Renews the lease for {@code ttl}; false when it was lost (the venue then sends nothing more). */
    boolean renew(java.time.Duration ttl) {
        return leases.renew(lease, ttl).map(renewed -> {
            lease = renewed;
            return true;
        }).getOrElse(false);
    }

    @Override
    public void close() {
        venue.close();
        ScheduledFuture<?> r = renewal;
        if (r != null) {
            r.cancel(false);
        }
        leases.release(lease);
    }
}
