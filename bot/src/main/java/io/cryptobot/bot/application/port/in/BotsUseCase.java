package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import java.util.List;

/**
 * The caller's paper bots: create (every field checked at once, nothing stored on an error), start, pause,
 * resume, stop, list, get, and each bot's history of controls. Another user's bot is not found.
 */
public interface BotsUseCase {
    Either<DomainError, Bot> create(UserId owner, CreateBotCommand command);

    Either<DomainError, Bot> get(UserId caller, BotId id);

    Page<Bot> list(UserId caller, PageRequest page);

    Either<DomainError, Bot> start(UserId caller, BotId id);

    Either<DomainError, Bot> pause(UserId caller, BotId id, String reason);

    Either<DomainError, Bot> resume(UserId caller, BotId id);

    Either<DomainError, Bot> stop(UserId caller, BotId id, String reason);

    Either<DomainError, List<BotControl>> events(UserId caller, BotId id);
}
