package io.cryptobot.bot.application.port.out;

import io.cryptobot.bot.domain.bot.BotId;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who drives a bot: at most one runner holds a bot's lease at a time, for a time it renews. Each grant carries a
 * fencing token that grows with every grant of that bot, so a runner that lost its lease (paused past its expiry,
 * cut off) is told so by {@link #holds} before it sends anything, even if it has not noticed yet. In process for one
 * instance; several instances would share an adapter (a Redis {@code SET NX PX} with an {@code INCR} token, or a
 * PostgreSQL row with a fencing counter).
 */
public interface BotLeasePort {

    /** A grant: the bot, the runner holding it, its fencing token and when it lapses unless renewed. */
    record Lease(BotId bot, String holder, long fencingToken, Instant expiresAt) {
        public Lease {
            Objects.requireNonNull(bot, "bot");
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** The bot's lease for {@code holder} for {@code ttl}: none while another runner holds it unexpired. */
    Option<Lease> acquire(BotId bot, String holder, Duration ttl);

    /** Extends a lease still held (same token, not expired); none when it was lost. */
    Option<Lease> renew(Lease lease, Duration ttl);

    /**
     * Whether {@code lease} is the bot's current, unexpired grant (checked before every order sent, on the step's
     * own thread for most placements: an implementation answers from what it holds, without I/O).
     */
    boolean holds(Lease lease);

    /** Gives the lease up (nothing when it is no longer the current grant). */
    void release(Lease lease);
}
