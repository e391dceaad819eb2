package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.BotPortfolio;
import io.cryptobot.bot.application.port.in.BotPortfolioQuery;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * A bot's portfolio from its stored fills, with the dust its session judges (a position held yet flat for the
 * strategy: less than one lot step, or worth less than the venue's minimum order notional at the last close), when
 * the bot's session runs here: the quantity is always shown, dust only marked.
 */
@ApplicationScoped
class BotPortfolioService implements BotPortfolioQuery {
    private final Bots bots;
    private final BotPortfolios portfolios;
    private final LiveSessions sessions;

    BotPortfolioService(Bots bots, BotPortfolios portfolios, LiveSessions sessions) {
        this.bots = bots;
        this.portfolios = portfolios;
        this.sessions = sessions;
    }

    @Override
    public Either<DomainError, BotPortfolio> portfolio(UserId caller, BotId id) {
        return bots.owned(caller, id).map(portfolios::portfolioOf).map(p -> dustOf(p).map(p::withDust).getOrElse(p));
    }

    /** The instruments whose position the bot's session judges dust; none when its session does not run here. */
    private Option<Set<InstrumentId>> dustOf(BotPortfolio portfolio) {
        InstrumentId instrument = portfolio.bot().instrument();
        return sessions.find(portfolio.bot().id()).flatMap(runner -> {
            synchronized (runner) {
                return runner.ended ? Option.<Set<InstrumentId>>none()
                        : Option.some(runner.session.isDust(instrument) ? Set.of(instrument) : Set.of());
            }
        });
    }
}
