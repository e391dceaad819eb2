package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/** A bot's balances, positions, trades and P&L, from its stored fills. */
public interface BotPortfolioQuery {
    Either<DomainError, BotPortfolio> portfolio(UserId caller, BotId id);
}
