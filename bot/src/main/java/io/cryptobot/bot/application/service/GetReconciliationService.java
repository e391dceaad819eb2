package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.GetReconciliationQuery;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads a live-account bot's reconciliation from its running session's venue. */
@ApplicationScoped
class GetReconciliationService implements GetReconciliationQuery {
    private final BotStorePort store;
    private final LiveSessions sessions;

    GetReconciliationService(BotStorePort store, LiveSessions sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    @Override
    public Either<DomainError, LiveReconciliation> reconciliation(UserId caller, BotId id) {
        if (store.load(caller, id).isEmpty()) {
            return Either.left(BotErrors.notFound(id));
        }
        Option<LiveSession> runner = sessions.find(id).filter(r -> r.liveTrading != null && !r.ended);
        if (runner.isEmpty()) {
            return Either.left(BotErrors.notOnLiveVenue(id));
        }
        LiveSession live = runner.get();
        synchronized (live) {
            return Either.right(new LiveReconciliation(id, live.liveTrading.venue.reconciled(),
                    live.liveTrading.venue.lastReconciliation()));
        }
    }
}
