package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.live.LiveAccountLimits;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** The limits of one of the caller's live accounts: none until set. Another user's account is not found. */
public interface GetLiveAccountLimitsQuery {
    Either<DomainError, Option<LiveAccountLimits>> limits(UserId caller, String accountId);
}
