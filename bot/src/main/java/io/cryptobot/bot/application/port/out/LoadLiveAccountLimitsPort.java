package io.cryptobot.bot.application.port.out;

import io.cryptobot.bot.domain.live.LiveAccountLimits;
import io.vavr.control.Option;
import java.util.UUID;

/** A live account's limits as last saved; asked before every order on the account, so answered from memory. */
public interface LoadLiveAccountLimitsPort {
    Option<LiveAccountLimits> load(UUID accountId);
}
