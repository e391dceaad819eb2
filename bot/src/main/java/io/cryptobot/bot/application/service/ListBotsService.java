package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.ListBotsQuery;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ListBotsService implements ListBotsQuery {
    private final BotStorePort store;

    ListBotsService(BotStorePort store) {
        this.store = store;
    }

    @Override
    public Page<Bot> list(UserId caller, PageRequest page) {
        return store.list(caller, page);
    }
}
