package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.FollowKillSwitchUseCase;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.risk.domain.event.UserTradingStateChanged;
import jakarta.enterprise.context.ApplicationScoped;

/** Each of the owner's live bots follows the owner's new trading state, through its runner. */
@ApplicationScoped
class FollowKillSwitchService implements FollowKillSwitchUseCase {
    private final BotStorePort store;
    private final BotRunner runner;

    FollowKillSwitchService(BotStorePort store, BotRunner runner) {
        this.store = store;
        this.runner = runner;
    }

    @Override
    public void follow(UserTradingStateChanged changed) {
        for (Bot bot : store.liveOf(changed.owner())) {
            runner.applyTradingState(bot, changed.change().to(), changed.change().reason());
        }
    }
}
