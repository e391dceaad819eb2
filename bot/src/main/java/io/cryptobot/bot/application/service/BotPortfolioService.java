package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.BotPortfolio;
import io.cryptobot.bot.application.port.in.BotPortfolioQuery;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class BotPortfolioService implements BotPortfolioQuery {
    private final Bots bots;
    private final BotPortfolios portfolios;

    BotPortfolioService(Bots bots, BotPortfolios portfolios) {
        this.bots = bots;
        this.portfolios = portfolios;
    }

    @Override
    public Either<DomainError, BotPortfolio> portfolio(UserId caller, BotId id) {
        return bots.owned(caller, id).map(portfolios::portfolioOf);
    }
}
