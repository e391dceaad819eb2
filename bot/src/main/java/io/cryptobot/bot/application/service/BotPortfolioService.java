package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.BotPortfolio;
import io.cryptobot.bot.application.port.in.BotPortfolioQuery;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A bot's portfolio from its stored fills, with the dust its session judges (a position held yet flat for the
 * strategy: less than one lot step, or worth less than the venue's minimum order notional at the last close), when
 * the bot's session runs here: the quantity is always shown, dust only marked.
 */
@ApplicationScoped
class BotPortfolioService implements BotPortfolioQuery {
    private final Bots bots;
    private final BotPortfolios portfolios;
    private final SessionDust dust;

    BotPortfolioService(Bots bots, BotPortfolios portfolios, SessionDust dust) {
        this.bots = bots;
        this.portfolios = portfolios;
        this.dust = dust;
    }

    @Override
    public Either<DomainError, BotPortfolio> portfolio(UserId caller, BotId id) {
        return bots.owned(caller, id).map(portfolios::portfolioOf).map(dust::judged);
    }
}
