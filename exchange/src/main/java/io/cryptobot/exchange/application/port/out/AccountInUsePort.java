package io.cryptobot.exchange.application.port.out;

import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.util.UUID;

/**
 * What may still trade an account: a downstream context (the bots) says so, since this context cannot see it. An
 * account in use is not removed: a bot made for a live account must never run on without it (it would no longer
 * be known as live, and trade on the simulated venue).
 */
public interface AccountInUsePort {
    /**
     * A sentence naming what still uses the owner's account (a bot that may run again), none when nothing does. The
     * account by its plain id, so the implementing context needs none of this one's domain types.
     */
    Option<String> usedBy(UserId owner, UUID account);
}
