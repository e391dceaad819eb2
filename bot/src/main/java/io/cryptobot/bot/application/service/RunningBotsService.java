package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.RunningBotsQuery;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.kernel.domain.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
class RunningBotsService implements RunningBotsQuery {
    private final BotStorePort store;

    RunningBotsService(BotStorePort store) {
        this.store = store;
    }

    @Override
    public List<RunningBot> running(UserId owner) {
        return store.liveOf(owner).stream().filter(b -> b.status() == BotStatus.RUNNING)
                .map(b -> new RunningBot(b.id().value(), b.name())).toList();
    }

    @Override
    public boolean owns(UserId owner, java.util.UUID botId) {
        return store.load(owner, new io.cryptobot.bot.domain.bot.BotId(botId)).isDefined();
    }
}
