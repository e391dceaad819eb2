package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/**
 * Resumes a paused bot; a failed one is run again, its session rebuilt from its journal and checked again (a
 * rebuild that still differs fails it again, saying why).
 */
public interface ResumeBotUseCase {
    Either<DomainError, Bot> resume(UserId caller, BotId id);
}
