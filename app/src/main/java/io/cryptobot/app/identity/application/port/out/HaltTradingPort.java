package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;

/**
 * Trips the user's kill switch with a reason, the way the owner would: every live bot of theirs is paused and
 * the change is recorded in their trading-state history. Already halted counts as done. Completes once the bots
 * have followed.
 */
public interface HaltTradingPort {
    Uni<Void> haltTrading(UserId user, String reason);
}
