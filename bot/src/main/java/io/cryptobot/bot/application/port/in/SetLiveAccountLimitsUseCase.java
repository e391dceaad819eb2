package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.live.LiveAccountLimits;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/**
 * Sets the limits of one of the caller's live accounts (replacing those it had): both a max order notional and a max
 * daily loss, never looser than the caller's own limits. Another user's account, or none, is not found; a paper
 * account has no such limits (its bots carry the owner's).
 */
public interface SetLiveAccountLimitsUseCase {
    Either<DomainError, LiveAccountLimits> set(UserId caller, String accountId, String currency,
                                               String maxOrderNotional, String maxDailyLoss);
}
