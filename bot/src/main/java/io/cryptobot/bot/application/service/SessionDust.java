package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.BotPortfolio;
import io.cryptobot.kernel.domain.InstrumentId;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Which positions of a bot its running session judges dust (held, yet flat for its strategy: less than one lot step,
 * or its sellable part worth less than the venue's minimum order notional at the last close): only a session on this
 * instance judges; otherwise none. Shared by the bot's portfolio and the owner's summary, so both mark the same.
 */
@ApplicationScoped
class SessionDust {
    private final LiveSessions sessions;

    SessionDust(LiveSessions sessions) {
        this.sessions = sessions;
    }

    /** {@code portfolio} with its session's judgment of dust; unchanged when no session here judges it. */
    BotPortfolio judged(BotPortfolio portfolio) {
        return of(portfolio).map(portfolio::withDust).getOrElse(portfolio);
    }

    private Option<Set<InstrumentId>> of(BotPortfolio portfolio) {
        InstrumentId instrument = portfolio.bot().instrument();
        return sessions.find(portfolio.bot().id()).flatMap(runner -> {
            synchronized (runner) {
                return runner.ended ? Option.<Set<InstrumentId>>none()
                        : Option.some(runner.session.isDust(instrument) ? Set.of(instrument) : Set.of());
            }
        });
    }
}
