package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/** A bot's performance report; its curve thinned to at most {@code points} points. */
public interface BotPerformanceQuery {
    Either<DomainError, BotPerformance> performance(UserId caller, BotId id, int points);
}
