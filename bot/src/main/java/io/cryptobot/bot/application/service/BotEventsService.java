package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.BotEventsQuery;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
class BotEventsService implements BotEventsQuery {
    private final Bots bots;
    private final BotStorePort store;

    BotEventsService(Bots bots, BotStorePort store) {
        this.bots = bots;
        this.store = store;
    }

    @Override
    public Either<DomainError, List<BotControl>> events(UserId caller, BotId id) {
        return bots.owned(caller, id).map(bot -> store.controls(bot.id()));
    }
}
