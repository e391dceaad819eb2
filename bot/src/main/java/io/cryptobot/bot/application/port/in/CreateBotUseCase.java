package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/**
 * A new paper bot of the owner's, created (not started): every field checked at once, nothing stored on an error;
 * a name the owner already uses is a conflict.
 */
public interface CreateBotUseCase {
    Either<DomainError, Bot> create(UserId owner, CreateBotCommand command);
}
