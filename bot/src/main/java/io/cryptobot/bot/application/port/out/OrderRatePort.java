package io.cryptobot.bot.application.port.out;

import io.cryptobot.kernel.domain.UserId;
import java.time.Instant;

/**
 * The orders each user created in the last 60 seconds (every bot's and every order by hand), for the
 * orders-per-minute limit. In process for one instance; several instances would need a shared adapter (Redis), so
 * that a user's bots on different instances share one count.
 */
public interface OrderRatePort {
    /**
     * Counts one order by hand at {@code now} if the owner created fewer than {@code max} in the 60 seconds up to
     * then, answering 0; otherwise counts nothing and answers the seconds until a place frees (at least 1).
     */
    long takeOne(UserId owner, long max, Instant now);

    /** Un-counts an order counted by {@link #takeOne} at {@code takenAt} that was not created after all. */
    void giveBack(UserId owner, Instant takenAt);

    /** Counts orders a bot created at {@code now}: they exist, so they are counted whatever the limit. */
    void add(UserId owner, int orders, Instant now);

    /** Milliseconds from {@code now} until the owner has created fewer than {@code max} in the last 60 s (0: now). */
    long millisUntilBelow(UserId owner, long max, Instant now);
}
