package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/**
 * Starts a created bot: refused while the owner's kill switch halts trading or another live bot trades on its
 * account; a start its runner refuses leaves the bot created (the refusal recorded in its history).
 */
public interface StartBotUseCase {
    Either<DomainError, Bot> start(UserId caller, BotId id);
}
