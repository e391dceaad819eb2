package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/** Stops a bot for good (its open orders canceled); no reason means "stopped". */
public interface StopBotUseCase {
    Either<DomainError, Bot> stop(UserId caller, BotId id, String reason);
}
