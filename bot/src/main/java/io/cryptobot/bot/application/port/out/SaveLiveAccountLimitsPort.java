package io.cryptobot.bot.application.port.out;

import io.cryptobot.bot.domain.live.LiveAccountLimits;
import io.cryptobot.kernel.domain.UserId;
import java.util.UUID;

/** Stores a live account's limits (replacing those it had); durable when it returns. */
public interface SaveLiveAccountLimitsPort {
    void save(UserId owner, UUID accountId, LiveAccountLimits limits);
}
