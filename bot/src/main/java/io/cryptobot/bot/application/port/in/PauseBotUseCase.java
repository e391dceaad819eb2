package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/** Pauses a running bot (its session keeps its orders and stops acting on candles); no reason means "paused". */
public interface PauseBotUseCase {
    Either<DomainError, Bot> pause(UserId caller, BotId id, String reason);
}
