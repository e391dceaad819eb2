package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import java.util.List;

/** The history of one of the caller's bots: every control (created, started, paused, ...) in order. */
public interface BotEventsQuery {
    Either<DomainError, List<BotControl>> events(UserId caller, BotId id);
}
